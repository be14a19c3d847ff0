import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessTokenVerifier, createGatewayApp } from '@segqc/gateway';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

// With sign-in on, the gateway lets no DICOMweb request through without a valid access token of
// the hospital's identity provider, found by OpenID Connect Discovery from its issuer: none, a
// forged one, or one without a SegQC role is refused before the PACS is asked anything.
jest.setTimeout(30_000);

let provider: Server;
let pacs: Server;
let gateway: FastifyInstance;
let gatewayUrl: string;
let issuer: string;
let signingKey: KeyLike;
let forgingKey: KeyLike;
const pacsSaw: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  const keys = await generateKeyPair('ES256');
  signingKey = keys.privateKey;
  forgingKey = (await generateKeyPair('ES256')).privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  // The provider's two public documents: discovery metadata and its JWKS.
  provider = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(req.url === '/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/jwks` } : { keys: [jwk] }));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  pacs = createServer((req, res) => {
    pacsSaw.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'application/dicom+json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => pacs.listen(0, '127.0.0.1', resolve));
  gateway = await createGatewayApp({
    upstream: new URL(`http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`),
    upstreamAuthorization: 'Basic Z2F0ZXdheTpzZWNyZXQ=',
    keepHostHeader: false,
    accessTokens: accessTokenVerifier({ issuer, audience: 'segqc', roles: { claim: 'roles' } }),
  });
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gateway?.close();
  for (const server of [provider, pacs]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
});

const token = (claims: JWTPayload, key: KeyLike = signingKey) =>
  new SignJWT({ iss: issuer, aud: 'segqc', sub: 'user-1', roles: ['reviewer'], ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuedAt().setExpirationTime('5m').sign(key);

async function query(authorization?: string): Promise<{ status: number; challenge: string | null; body: unknown }> {
  const response = await fetch(`${gatewayUrl}/dicom-web/studies`, { headers: authorization ? { Authorization: authorization } : {} });
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.json() };
}

test('no token: 401 with a Bearer challenge; the PACS is not asked', async () => {
  pacsSaw.length = 0;
  expect(await query()).toEqual({
    status: 401,
    challenge: 'Bearer error="invalid_token", error_description="a bearer access token is required"',
    body: { error: 'unauthenticated', message: 'a bearer access token is required' },
  });
  expect(pacsSaw).toEqual([]);
});

test('a forged token: 401; a valid one without a SegQC role: 403; the PACS is not asked', async () => {
  pacsSaw.length = 0;
  expect((await query(`Bearer ${await token({}, forgingKey)}`)).status).toBe(401);
  expect((await query(`Bearer ${await token({ roles: ['Mail.Read'] })}`)).status).toBe(403);
  expect(pacsSaw).toEqual([]);
});

test('a valid token with a role: forwarded, with the gateway\'s own credential towards the PACS', async () => {
  pacsSaw.length = 0;
  expect(await query(`Bearer ${await token({})}`)).toEqual({ status: 200, challenge: null, body: [] });
  expect(pacsSaw.map((headers) => headers.authorization)).toEqual(['Basic Z2F0ZXdheTpzZWNyZXQ=']);
});
