import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload, type KeyLike } from 'jose';
import { AccessTokenError, accessTokenVerifier } from './accessTokens';

// The gateway believes an access token only when the identity provider's key signed it for this
// audience and it is current: forged, foreign, expired, unsigned and tampered tokens are refused,
// each with a reason, and the site's role names become SegQC's roles.
const ISSUER = 'https://idp.hospital.example/realms/radiology';
const AUDIENCE = 'segqc-gateway';
const NOW = Math.floor(Date.now() / 1000);

let providerKey: KeyLike;
let otherKey: KeyLike;
let verify: ReturnType<typeof accessTokenVerifier>;

beforeAll(async () => {
  const provider = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  providerKey = provider.privateKey;
  otherKey = other.privateKey;
  const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'provider-1', alg: 'RS256', use: 'sig' };
  verify = accessTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwks: createLocalJWKSet({ keys: [jwk] }),
    roles: { claim: 'realm_access.roles', names: new Map([['radiology-annotator', 'annotator'], ['radiology-senior', 'adjudicator']]) },
  });
});

const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'f3a9c1d2-rivera',
  preferred_username: 'arivera',
  realm_access: { roles: ['radiology-annotator', 'offline_access'] },
  iat: NOW,
  exp: NOW + 300,
  ...overrides,
});

function sign(payload: JWTPayload, key: KeyLike = providerKey, kid = 'provider-1'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' }).sign(key);
}

async function refusal(authorization: string | undefined): Promise<string> {
  const error = await verify(authorization).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AccessTokenError);
  return (error as Error).message;
}

test("a token the provider signed: the subject, the login and the site's roles as SegQC's", async () => {
  expect(await verify(`Bearer ${await sign(claims())}`)).toEqual({ issuer: ISSUER, subject: 'f3a9c1d2-rivera', login: 'arivera', roles: ['annotator'] });
  expect((await verify(`Bearer ${await sign(claims({ realm_access: { roles: ['radiology-senior', 'radiology-annotator'] } }))}`)).roles).toEqual(['annotator', 'adjudicator']);
});

test("the user's name, when the token gives one, as the DICOM person name recorded for them", async () => {
  expect((await verify(`Bearer ${await sign(claims({ name: 'Ana Rivera', given_name: 'Ana', family_name: 'Rivera' }))}`)).personName).toBe('Rivera^Ana');
  expect((await verify(`Bearer ${await sign(claims({ name: 'Ana Rivera' }))}`)).personName).toBe('Ana Rivera');
});

test("the token's auth_time (RFC 9068 §2.2.1) as when the user last signed in; a non-numeric one says nothing", async () => {
  expect((await verify(`Bearer ${await sign(claims({ auth_time: 1_790_000_000 }))}`)).authTime).toEqual(new Date('2026-09-21T14:13:20.000Z'));
  expect(await verify(`Bearer ${await sign(claims({ auth_time: '1790000000' }))}`)).not.toHaveProperty('authTime');
  expect(await verify(`Bearer ${await sign(claims())}`)).not.toHaveProperty('authTime');
});

test('within the clock tolerance an expired token still counts; past it, not', async () => {
  expect((await verify(`Bearer ${await sign(claims({ exp: NOW - 30 }))}`)).subject).toBe('f3a9c1d2-rivera');
  expect(await refusal(`Bearer ${await sign(claims({ exp: NOW - 120 }))}`)).toBe('the access token has expired');
});

test.each([
  ['no Authorization', undefined, 'a bearer access token is required'],
  ['Basic credentials', 'Basic c2VncWM6c2VjcmV0', 'a bearer access token is required'],
])('%s is refused', async (_name, authorization, reason) => {
  expect(await refusal(authorization)).toBe(reason);
});

test('signed by another key under the provider\'s key id', async () => {
  expect(await refusal(`Bearer ${await sign(claims(), otherKey)}`)).toBe("the access token's signature does not verify");
});

test('signed by a key the provider does not publish', async () => {
  expect(await refusal(`Bearer ${await sign(claims(), otherKey, 'attacker-1')}`)).toBe("the access token's signature does not verify");
});

test('issued by another provider', async () => {
  expect(await refusal(`Bearer ${await sign(claims({ iss: 'https://idp.attacker.example' }))}`)).toBe("the access token's iss claim is not accepted");
});

test('for another audience, or for none', async () => {
  expect(await refusal(`Bearer ${await sign(claims({ aud: 'another-api' }))}`)).toBe("the access token's aud claim is not accepted");
  const { aud: _aud, ...withoutAudience } = claims();
  expect(await refusal(`Bearer ${await sign(withoutAudience)}`)).toBe("the access token's aud claim is not accepted");
});

test('without a subject, or without an expiry', async () => {
  const { sub: _sub, ...withoutSubject } = claims();
  expect(await refusal(`Bearer ${await sign(withoutSubject)}`)).toBe("the access token's sub claim is not accepted");
  const { exp: _exp, ...withoutExpiry } = claims();
  expect(await refusal(`Bearer ${await sign(withoutExpiry)}`)).toBe("the access token's exp claim is not accepted");
});

test('unsigned (alg: none)', async () => {
  expect(await refusal(`Bearer ${new UnsecuredJWT(claims()).encode()}`)).toBe("the access token's signature algorithm is not accepted");
});

test('a role claim changed after signing', async () => {
  const [header, , signature] = (await sign(claims())).split('.');
  const tampered = Buffer.from(JSON.stringify(claims({ realm_access: { roles: ['radiology-senior'] } }))).toString('base64url');
  expect(await refusal(`Bearer ${header}.${tampered}.${signature}`)).toBe("the access token's signature does not verify");
});

test('HMAC-signed with the public key as the secret (algorithm confusion)', async () => {
  const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(providerKey)));
  const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'provider-1' }).sign(secret);
  expect(await refusal(`Bearer ${forged}`)).toBe("the access token's signature algorithm is not accepted");
});
