import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest } from '@segqc/demo-data';
import { freePort } from '@segqc/server';
import { buildQcReport, multipartRelatedBody, parseMultipartRelated, uidFromName, verifyDatasetSignatures, writePart10 } from '@segqc/core';
import { nodeVerifier } from '@segqc/gateway';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { demoReport } from '../../packages/core/src/sr/qcReport.fixture';
import { DICOMWEB_RESOURCE, SERVICE_CLIENT_ID, VIEWER_CLIENT_ID, serviceToken, signInOverHttp, type TokenResponse } from '../harness/demoTokens';
import { startSignedInServer, type SignedInServer } from '../harness/signedInServer';

// `SEGQC_AUTH=demo npm start` runs a real OpenID Provider (oidc-provider) beside the viewer: the
// gateway must accept its access tokens and nothing else. This checks it as a client would, over
// HTTP: its discovery document, the QC service account's client-credentials token (a JWT for the
// gateway, RFC 9068) reaching the PACS, a wrong secret or password getting no token, a user's
// authorization code flow with PKCE, and the keys and secret surviving a restart.
jest.setTimeout(300_000);

const [demoCase] = demoManifest({ cases: ['ct-01'] }).cases;
const dataDir = mkdtempSync(join(tmpdir(), 'segqc-demo-idp-'));
let server: SignedInServer;

beforeAll(async () => {
  server = await startSignedInServer({ cases: [demoCase.caseId], dataDir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

async function qido(authorization?: string): Promise<{ status: number; studies: string[] }> {
  const response = await fetch(`${server.baseUrl}/dicom-web/studies`, { headers: authorization ? { authorization } : {} });
  const body = (await response.json()) as unknown;
  const studies = Array.isArray(body) ? body.map((study: Record<string, { Value: string[] }>) => study['0020000D']!.Value[0]!) : [];
  return { status: response.status, studies };
}

test('its discovery document is an OpenID Provider\'s: code flow with PKCE S256 only, client credentials, refresh, revocation, logout', async () => {
  const discovery = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
  expect(discovery).toMatchObject({
    issuer: server.issuer,
    authorization_endpoint: `${server.issuer}/auth`,
    token_endpoint: `${server.issuer}/token`,
    jwks_uri: `${server.issuer}/jwks`,
    end_session_endpoint: `${server.issuer}/session/end`,
    revocation_endpoint: `${server.issuer}/token/revocation`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
  });
  expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile']));
  const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: Array<Record<string, unknown>> };
  expect(jwks.keys.map((key) => [key.kty, key.alg, key.use, 'd' in key])).toEqual([['RSA', 'RS256', 'sig', false]]);
});

let serviceAccessToken: string;

test('the QC service account\'s token is a JWT for the gateway with sub = its client id, and the gateway answers QIDO with it; without a token, 401', async () => {
  const response = await serviceToken(server);
  expect(response.status).toBe(200);
  const tokens = (await response.json()) as TokenResponse;
  expect(tokens.token_type).toBe('Bearer');
  serviceAccessToken = tokens.access_token;
  expect(decodeProtectedHeader(serviceAccessToken)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
  const { payload } = await jwtVerify(serviceAccessToken, createRemoteJWKSet(new URL(`${server.issuer}/jwks`)), { issuer: server.issuer, audience: 'segqc-dicomweb', typ: 'at+jwt' });
  expect(payload).toMatchObject({ sub: SERVICE_CLIENT_ID, client_id: SERVICE_CLIENT_ID, roles: ['reviewer'], preferred_username: SERVICE_CLIENT_ID });
  expect(payload.exp! - payload.iat!).toBe(600);

  expect(await qido(`Bearer ${serviceAccessToken}`)).toEqual({ status: 200, studies: [demoCase.StudyInstanceUID] });
  expect((await qido()).status).toBe(401);
  expect((await qido('Bearer not-a-token')).status).toBe(401);
});

test('a wrong client secret, or none, gets no token', async () => {
  const unauthenticated = fetch(`${server.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SERVICE_CLIENT_ID }).toString(),
  });
  for (const response of [await serviceToken(server, 'wrong-secret'), await serviceToken(server, readFileSync(server.serviceSecretFile, 'utf8').trim().slice(1)), await unauthenticated]) {
    const body = (await response.json()) as Record<string, unknown>;
    expect({ status: response.status, error: body.error, token: body.access_token }).toEqual({ status: 401, error: 'invalid_client', token: undefined });
  }
});

test('a user signs in with the authorization code flow and PKCE: their access token carries their role and name; a wrong password gets no code', async () => {
  const tokens = await signInOverHttp(server, 'psingh');
  expect(claimsOf(tokens.access_token)).toMatchObject({ iss: server.issuer, aud: 'segqc-dicomweb', sub: 'psingh', client_id: VIEWER_CLIENT_ID, roles: ['reviewer'], preferred_username: 'psingh', name: 'Priya Singh' });
  expect(claimsOf(tokens.id_token!)).toMatchObject({ iss: server.issuer, aud: VIEWER_CLIENT_ID, sub: 'psingh', name: 'Priya Singh', given_name: 'Priya', family_name: 'Singh', preferred_username: 'psingh' });
  expect(tokens.refresh_token).toEqual(expect.any(String));
  expect((await qido(`Bearer ${tokens.access_token}`)).status).toBe(200);

  await expect(signInOverHttp(server, 'psingh', 'btjd-js9t-wm54')).rejects.toThrow('sign-in refused: Wrong login or password.');
  await expect(signInOverHttp(server, 'nobody', 'btjd-js9t-wm54')).rejects.toThrow('sign-in refused: Wrong login or password.');
});

test('an access token says when the user signed in (auth_time), a renewed one keeps that time, and with a fresh one the gateway signs an adjudicator\'s VERIFIED report with the demo signer', async () => {
  const before = Math.floor(Date.now() / 1000);
  const tokens = await signInOverHttp(server, 'mlindqvist');
  const authTime = claimsOf(tokens.access_token).auth_time as number;
  expect(authTime).toBeGreaterThanOrEqual(before - 1);
  expect(authTime).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  // Renewing is no new sign-in (RFC 9068 §2.2.1: auth_time is when the user authenticated).
  const renewed = await fetch(`${server.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: VIEWER_CLIENT_ID }).toString(),
  });
  expect(renewed.status).toBe(200);
  expect(claimsOf(((await renewed.json()) as TokenResponse).access_token).auth_time).toBe(authTime);

  expect(server.output()).toContain('segqc: VERIFIED QC reports are signed for the signed-in user, after a sign-in within 300 s, with the certificate "O=SegQC demo, CN=SegQC demo signer"');
  const authentication = { issuer: server.issuer, subject: 'mlindqvist' };
  const { init } = demoReport('ct-01', ['rivera', 'chen'], {
    sopInstanceUid: uidFromName('demo-provider/signed-report'),
    observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'adjudicator', authentication },
    verification: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', dateTime: '20260302113000', authentication },
  });
  const { body, contentType } = multipartRelatedBody([writePart10(buildQcReport(init))], 'demo-signing');
  const authorization = `Bearer ${tokens.access_token}`;
  const stored = await fetch(`${server.baseUrl}/dicom-web/studies`, { method: 'POST', headers: { authorization, 'content-type': contentType, origin: server.baseUrl }, body });
  await stored.arrayBuffer();
  expect(stored.status).toBe(200);
  const instance = await fetch(`${server.baseUrl}/dicom-web/studies/${init.subject.StudyInstanceUID}/series/${init.seriesInstanceUid}/instances/${init.sopInstanceUid}`, {
    headers: { authorization, accept: 'multipart/related; type="application/dicom"' },
  });
  expect(instance.status).toBe(200);
  const [part] = parseMultipartRelated(new Uint8Array(await instance.arrayBuffer()), instance.headers.get('content-type')!);
  const ca = readFileSync(join(server.dataDir, 'signing', 'ca.pem'), 'utf8');
  expect(verifyDatasetSignatures(part!.body, nodeVerifier({ trustedCertificates: [ca] })).map((check) => [check.valid, check.purpose?.CodeMeaning])).toEqual([[true, 'Verification Signature']]);
});

test('the viewer must use PKCE: an authorization request without a code challenge is refused', async () => {
  const request = new URL(`${server.issuer}/auth`);
  for (const [name, value] of Object.entries({ client_id: VIEWER_CLIENT_ID, redirect_uri: `${server.baseUrl}/callback`, response_type: 'code', scope: 'openid profile', resource: DICOMWEB_RESOURCE, state: 's1' })) request.searchParams.set(name, value);
  const response = await fetch(request, { redirect: 'manual' });
  const back = new URL(response.headers.get('location')!);
  expect([back.origin + back.pathname, back.searchParams.get('error'), back.searchParams.get('error_description')]).toEqual([`${server.baseUrl}/callback`, 'invalid_request', 'Authorization Server policy requires PKCE to be used for this request']);
});

test('the viewer is told to sign in: app-config.js carries OHIF\'s oidc block, and the CSP lets it reach the provider and nothing more', async () => {
  const response = await fetch(`${server.baseUrl}/app-config.js`);
  const appConfig = await response.text();
  const oidc = JSON.parse(/window\.config\.oidc = \[(.*)\];/.exec(appConfig)![1]!) as Record<string, unknown>;
  expect(oidc).toEqual({
    authority: server.issuer,
    client_id: VIEWER_CLIENT_ID,
    redirect_uri: '/callback',
    post_logout_redirect_uri: '/',
    response_type: 'code',
    scope: 'openid profile',
    resource: DICOMWEB_RESOURCE,
    automaticSilentRenew: true,
    revokeAccessTokenOnSignout: true,
    revokeTokenTypes: ['refresh_token'],
    revokeTokenAdditionalContentTypes: ['text/plain'],
  });
  expect(appConfig).toContain(`window.config.segqcSignIn = {"issuer":"${server.issuer}"};`);
  const policy = new Map(response.headers.get('content-security-policy')!.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
  expect(policy.get('connect-src')).toEqual(["'self'", server.issuer]);
  expect([policy.get('default-src'), policy.get('form-action'), policy.get('frame-ancestors')]).toEqual([["'self'"], ["'self'"], ["'none'"]]);
});

test('the provider\'s secrets are the user\'s alone, and a restart keeps them: the same service secret, and tokens issued before still accepted', async () => {
  const secretsDir = join(dataDir, 'identity-provider');
  expect(server.serviceSecretFile).toBe(join(secretsDir, 'segqc-qc-service.secret'));
  expect(statSync(secretsDir).mode & 0o777).toBe(0o700);
  for (const file of ['segqc-qc-service.secret', 'signing-key.jwk.json', 'cookie-keys.json']) expect([file, statSync(join(secretsDir, file)).mode & 0o777]).toEqual([file, 0o600]);
  const secret = readFileSync(server.serviceSecretFile, 'utf8');
  expect(server.output()).not.toContain(secret.trim());

  await server.stop();
  server = await startSignedInServer({ cases: [demoCase.caseId], dataDir, ports: server.ports });
  expect(readFileSync(server.serviceSecretFile, 'utf8')).toBe(secret);
  expect(await qido(`Bearer ${serviceAccessToken}`)).toEqual({ status: 200, studies: [demoCase.StudyInstanceUID] });
});

test("the provider's port in use is a one-line explanation naming SEGQC_OIDC_PORT, and nothing is left running", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const blocked = (blocker.address() as { port: number }).port;
  const otherDataDir = mkdtempSync(join(tmpdir(), 'segqc-demo-idp-blocked-'));
  try {
    const failed = await startSignedInServer({ cases: [demoCase.caseId], dataDir: otherDataDir, ports: { viewer: await freePort(), provider: blocked } }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    const lines = failed.trim().split('\n');
    expect(lines.at(-1)).toBe(`segqc: port ${blocked} is in use on 127.0.0.1: stop the program using it, or choose another port, e.g. SEGQC_OIDC_PORT=${blocked + 1} npm start`);
    expect(failed).not.toMatch(/\n\s+at /);
    const orthancs = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout.split('\n').filter((line) => line.includes('Orthanc') && line.includes(otherDataDir));
    expect(orthancs).toEqual([]);
  } finally {
    blocker.close();
    rmSync(otherDataDir, { recursive: true, force: true });
  }
});
