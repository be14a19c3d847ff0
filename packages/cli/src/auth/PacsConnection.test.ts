import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { studiesWithSegs } from '@segqc/core';
import { tinyCt } from '../../../core/src/dicomweb/stow.fixture';
import { storeInPacs } from '../pacsTarget';
import { PacsConnection } from './PacsConnection';

// Why: with sign-in on, the gateway answers 401 (no valid token, RFC 6750 challenge saying why) or
// 403 (the role does not allow it, its JSON message saying what). The core's errors carry the
// status only; the user must read which token was refused, why, and how to give one — or what
// the gateway refused — in one line that never holds the token. A 401 or 403 of STOW-RS is not
// retried. The server here answers with the gateway's exact headers and bodies
// (packages/gateway/src/dicomwebGateway.ts, gatewayError.ts).

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
let server: Server;
let root: string;
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
/** What the server answers next: set by each test. */
let answer: { status: number; challenge?: string; body: unknown };

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...(answer.challenge ? { 'www-authenticate': answer.challenge } : {}) });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => (seen.length = 0));

const unauthenticated = (why: string) => ({
  status: 401,
  challenge: `Bearer error="invalid_token", error_description="${why}"`,
  body: { error: 'unauthenticated', message: why },
});

async function refusalOfRead(connection: PacsConnection): Promise<Error> {
  try {
    await studiesWithSegs(root, connection.read);
  } catch (error) {
    return connection.explain(error) as Error;
  }
  throw new Error('the read was not refused');
}

test('no token: the gateway asks for one; the message says how to give one', async () => {
  answer = unauthenticated('a bearer access token is required');
  const error = await refusalOfRead(new PacsConnection({ kind: 'none' }));
  expect([error.name, error.message]).toEqual([
    'PacsAccessError',
    'the PACS asks for an access token (HTTP 401: a bearer access token is required); give one with --token-file FILE or SEGQC_DICOMWEB_TOKEN_FILE (a file only you can read), '
      + "SEGQC_DICOMWEB_TOKEN, or a service account's SEGQC_OIDC_CLIENT_ID, SEGQC_OIDC_ISSUER and SEGQC_OIDC_CLIENT_SECRET_FILE",
  ]);
  expect(seen[0].headers.authorization).toBeUndefined();
});

test('a refused token: which one and why, the challenge cleaned of control characters, never the token', async () => {
  // A C1 CSI (U+009B) is a legal header byte; on a terminal it starts an escape sequence.
  answer = { ...unauthenticated('the access token has expired\u009b2J'), body: { error: 'unauthenticated', message: 'the challenge says why first' } };
  const error = await refusalOfRead(new PacsConnection({ kind: 'token', token: TOKEN, from: 'SEGQC_DICOMWEB_TOKEN_FILE' }));
  expect(error.message).toMatch(/^the PACS refused the access token from SEGQC_DICOMWEB_TOKEN_FILE \(HTTP 401: the access token has expired2J\); give a valid one with --token-file FILE/);
  expect(error.message).not.toContain(TOKEN);
  expect(seen.map((request) => request.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
});

test('a service account\'s token refused: which issuer and client, and the settings to check', async () => {
  answer = unauthenticated("the access token's aud claim is not accepted");
  const credential = { kind: 'client-credentials', issuer: 'https://login.example.org', clientId: 'segqc-batch', clientSecret: 's3cret', audience: 'wrong' } as const;
  const connection = new PacsConnection(credential, { grant: async () => ({ accessToken: TOKEN, expiresAt: null }) });
  expect((await refusalOfRead(connection)).message).toBe(
    "the PACS refused the access token that https://login.example.org issued to client segqc-batch (HTTP 401: the access token's aud claim is not accepted); "
      + 'check SEGQC_OIDC_ISSUER and SEGQC_OIDC_RESOURCE against the issuer and resource the PACS accepts',
  );
});

test('403 on a read: the gateway\'s message, control characters out', async () => {
  answer = { status: 403, body: { error: 'no-role', message: 'the signed-in user has no SegQC role\u001b[2J' } };
  const error = await refusalOfRead(new PacsConnection({ kind: 'token', token: TOKEN, from: '--token' }));
  expect([error.name, error.message]).toEqual(['PacsAccessError', 'the PACS refused the request (HTTP 403): the signed-in user has no SegQC role[2J']);
});

test('403 on STOW-RS: asked once, not retried; the gateway\'s message says what was refused', async () => {
  answer = { status: 403, body: { error: 'store-refused', message: 'part 1: your roles (annotator) may not store an unsigned QC report' } };
  const stored = storeInPacs(tinyCt(1), { url: root, credential: { kind: 'token', token: TOKEN, from: '--token-file' } });
  await expect(stored).rejects.toThrow(expect.objectContaining({
    name: 'PacsAccessError', message: 'the PACS refused the request (HTTP 403): part 1: your roles (annotator) may not store an unsigned QC report',
  }));
  expect(seen.map((request) => [request.method, request.url, request.headers.authorization])).toEqual([['POST', '/dicom-web/studies', `Bearer ${TOKEN}`]]);
});

test('a 403 of a PACS that is not the gateway (no JSON message): the status alone', async () => {
  answer = { status: 403, body: 'Forbidden' };
  expect((await refusalOfRead(new PacsConnection({ kind: 'none' }))).message).toBe('the PACS refused the request (HTTP 403)');
});

test('other errors pass through as they are', async () => {
  answer = { status: 500, body: {} };
  const connection = new PacsConnection({ kind: 'none' });
  const error = await refusalOfRead(connection);
  expect(error.name).toBe('DicomwebReadError');
});
