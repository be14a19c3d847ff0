import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGatewayApp } from '@segqc/gateway';
import type { FastifyInstance } from 'fastify';
import { httpRequest, rawHttp } from '../harness/rawHttp';

// The gateway in front of a PACS that misbehaves: an answer reset halfway, an answer that stalls
// after its headers, no answer at all, nobody listening, an error page. Each ends the client's
// request within the upstream timeout, with the gateway's own short JSON where an answer can still
// be given, and the gateway keeps serving. Also the header policy as the PACS sees it.
jest.setTimeout(60_000);

const UPSTREAM_TIMEOUT_MS = 1_000;
const GATEWAY_CREDENTIAL = 'Basic Z2F0ZXdheTpzZWNyZXQ=';

let upstream: Server;
let gateway: FastifyInstance;
let gatewayUrl: string;
let upstreamHost: string;
const seen: IncomingHttpHeaders[] = [];
let closedOnArrival = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.headers);
    const study = /\/studies\/([\d.]+)/.exec(req.url ?? '')?.[1];
    if (study === '1.2.1') {
      // Headers and a first part of a long answer, then the connection is reset.
      res.writeHead(200, { 'Content-Type': 'application/dicom+json', 'Content-Length': '1000000' });
      res.write('['.padEnd(1000, ' '), () => setTimeout(() => req.socket.destroy(), 50));
    } else if (study === '1.2.2') {
      res.writeHead(200, { 'Content-Type': 'application/dicom+json', 'Content-Length': '1000000' });
      res.write('[');
    } else if (study === '1.2.3') {
      // Never answers.
    } else if (study === '1.2.5') {
      res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '7' });
      res.end('<h1>maintenance until 03:00 on pacs-01.internal</h1>');
    } else if (study === '1.2.6' && (req.method === 'POST' || ++closedOnArrival === 1)) {
      // The connection closes as the request arrives, as a kept-alive one the PACS has just closed does.
      req.socket.destroy();
    } else if (study === '1.2.4') {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ Details: 'SQLite: database locked', Uri: '/internal/path', OrthancError: 'Internal error' }));
    } else {
      res.writeHead(200, { 'Content-Type': 'application/dicom+json', Server: 'ORTHANC', 'Set-Cookie': 'pacs=1', 'WWW-Authenticate': 'Basic realm="pacs"' });
      req.resume();
      req.on('end', () => res.end('[]'));
    }
  });
  upstream.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamHost = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  gateway = await createGatewayApp({ upstream: new URL(`http://${upstreamHost}/dicom-web`), upstreamAuthorization: GATEWAY_CREDENTIAL, keepHostHeader: false, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS });
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gateway?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => upstream?.close(resolve));
});

/** What `work` gave, or the text of its error (fetch's errors come from another realm than jest's Error). */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T | { error: string }; ms: number }> {
  const started = Date.now();
  const value = await work().catch((error: unknown) => ({ error: String(error) }));
  return { value, ms: Date.now() - started };
}

async function stillServing(): Promise<void> {
  const response = await fetch(`${gatewayUrl}/dicom-web/studies`);
  expect([response.status, await response.text()]).toEqual([200, '[]']);
}

test('an answer reset halfway ends the client\'s answer with an error, at once', async () => {
  const { value, ms } = await timed(async () => (await fetch(`${gatewayUrl}/dicom-web/studies/1.2.1/series`)).arrayBuffer());
  expect(value).toEqual({ error: 'TypeError: terminated' });
  expect(ms).toBeLessThan(UPSTREAM_TIMEOUT_MS * 3);
  await stillServing();
});

test('an answer that stalls after its headers ends within the upstream timeout', async () => {
  const { value, ms } = await timed(async () => (await fetch(`${gatewayUrl}/dicom-web/studies/1.2.2/series`)).arrayBuffer());
  expect(value).toEqual({ error: 'TypeError: terminated' });
  expect(ms).toBeGreaterThanOrEqual(UPSTREAM_TIMEOUT_MS * 0.9);
  expect(ms).toBeLessThan(UPSTREAM_TIMEOUT_MS * 3);
  await stillServing();
});

test('no answer at all: 504 with the gateway\'s JSON, within the upstream timeout', async () => {
  const { value, ms } = await timed(async () => {
    const response = await fetch(`${gatewayUrl}/dicom-web/studies/1.2.3/series`);
    return [response.status, await response.json()];
  });
  expect(value).toEqual([504, { error: 'pacs-timeout', message: 'the PACS did not answer in time' }]);
  expect(ms).toBeLessThan(UPSTREAM_TIMEOUT_MS * 3);
  await stillServing();
});

test("the PACS's error page becomes the gateway's JSON with the same status, without its details", async () => {
  const response = await fetch(`${gatewayUrl}/dicom-web/studies/1.2.4/series`);
  const body = await response.text();
  expect([response.status, JSON.parse(body)]).toEqual([500, { error: 'pacs-error', message: 'the PACS failed (HTTP 500)' }]);
  expect(body).not.toMatch(/SQLite|internal|Orthanc/i);
});

test('a PACS that is down for maintenance: 503 and its Retry-After reach the client, its page does not', async () => {
  const response = await fetch(`${gatewayUrl}/dicom-web/studies/1.2.5/series`);
  expect([response.status, response.headers.get('retry-after'), await response.json()]).toEqual([503, '7', { error: 'pacs-error', message: 'the PACS failed (HTTP 503)' }]);
});

test('a read whose connection closes before any answer is sent again on another; a write is not', async () => {
  const read = await fetch(`${gatewayUrl}/dicom-web/studies/1.2.6/series`);
  expect([read.status, await read.text(), closedOnArrival]).toEqual([200, '[]', 2]);

  const before = seen.length;
  const write = await fetch(`${gatewayUrl}/dicom-web/studies/1.2.6`, {
    method: 'POST',
    headers: { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=b', Origin: gatewayUrl },
    body: '--b\r\nContent-Type: application/dicom\r\n\r\nDICM\r\n--b--\r\n',
  });
  expect([write.status, await write.json(), seen.length - before]).toEqual([502, { error: 'pacs-unreachable', message: 'the PACS could not be reached' }, 1]);
});

test('nobody listening: 502, naming neither the address nor the error', async () => {
  const orphan = await createGatewayApp({ upstream: new URL('http://127.0.0.1:9/dicom-web'), keepHostHeader: false, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS });
  await orphan.listen({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`http://127.0.0.1:${(orphan.server.address() as AddressInfo).port}/dicom-web/studies`);
    const body = await response.text();
    expect([response.status, JSON.parse(body)]).toEqual([502, { error: 'pacs-unreachable', message: 'the PACS could not be reached' }]);
    expect(body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  } finally {
    await orphan.close();
  }
});

test('the PACS gets the allow-listed headers and the gateway\'s credential; the client gets none of the PACS\'s server, cookie or challenge', async () => {
  seen.length = 0;
  const gatewayHost = new URL(gatewayUrl).host;
  // Raw, so that a Connection header naming another header goes as written (fetch refuses it).
  const answer = await rawHttp(
    Number(new URL(gatewayUrl).port),
    httpRequest('GET', '/dicom-web/studies?PatientID=P1', [
      ['Host', gatewayHost],
      ['Accept', 'application/dicom+json'],
      ['Authorization', 'Bearer user-token'],
      ['Cookie', 'viewer-session=secret'],
      ['X-Forwarded-Host', 'evil.example'],
      ['X-Forwarded-For', '203.0.113.9'],
      ['Forwarded', 'for=203.0.113.9;host=evil.example'],
      ['Connection', 'x-hop'],
      ['X-Hop', '1'],
      ['X-HTTP-Method-Override', 'DELETE'],
    ]),
  );
  expect(answer.status).toBe(200);
  expect(answer.text).not.toMatch(/^(server|set-cookie|www-authenticate):/im);
  const [headers] = seen;
  expect(headers).toMatchObject({ accept: 'application/dicom+json', authorization: GATEWAY_CREDENTIAL, host: upstreamHost, 'x-forwarded-host': gatewayHost, 'x-forwarded-proto': 'http' });
  for (const name of ['cookie', 'x-forwarded-for', 'forwarded', 'x-hop', 'x-http-method-override']) expect(headers).not.toHaveProperty(name);
});

test('a STOW body streams through to the PACS with its own length and type', async () => {
  seen.length = 0;
  const body = '--b\r\nContent-Type: application/dicom\r\n\r\nDICM\r\n--b--';
  const response = await fetch(`${gatewayUrl}/dicom-web/studies`, {
    method: 'POST',
    headers: { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=b', Origin: gatewayUrl },
    body,
  });
  expect(response.status).toBe(200);
  expect(seen[0]).toMatchObject({ 'content-type': 'multipart/related; type="application/dicom"; boundary=b', 'content-length': String(body.length), authorization: GATEWAY_CREDENTIAL });
  expect(seen[0]).not.toHaveProperty('origin');
});
