import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessTokenVerifier, type AccessTokenVerifier } from '@segqc/gateway';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/**
 * An OpenID Provider's two public documents (discovery metadata and JWKS) on loopback, and its
 * signing key, so that a test can mint the access tokens a provider would issue — each claim
 * chosen by the test — and forge others with a key the JWKS does not hold. The gateway finds the
 * keys by discovery, as it does a hospital's provider. The embedded provider of `SEGQC_AUTH=demo`
 * (oidc-provider) is tested through its own login in the browser and CLI tests.
 */
export interface TestIssuer {
  issuer: string;
  audience: string;
  /** The gateway's check of this issuer's tokens, roles in the `roles` claim. */
  verifier: AccessTokenVerifier;
  /** A signed access token for `sub` with these claims (roles, preferred_username, …), valid five minutes. */
  token(subject: string, claims?: JWTPayload, key?: KeyLike): Promise<string>;
  /** A key of no provider: tokens signed with it are forgeries. */
  forgingKey: KeyLike;
  stop(): Promise<void>;
}

export async function startTestIssuer(audience = 'segqc-dicomweb'): Promise<TestIssuer> {
  const keys = await generateKeyPair('ES256');
  const forgingKey = (await generateKeyPair('ES256')).privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(req.url === '/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/jwks` } : { keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    audience,
    verifier: accessTokenVerifier({ issuer, audience, roles: { claim: 'roles' } }),
    token: (subject, claims = {}, key = keys.privateKey) =>
      new SignJWT({ iss: issuer, aud: audience, sub: subject, ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuedAt().setExpirationTime('5m').sign(key),
    forgingKey,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
