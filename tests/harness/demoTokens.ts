import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORDS, type DemoLogin } from './signIn';
import type { SignedInServer } from './signedInServer';

/** The viewer's client at the demo provider, and what it asks for (app-config's `oidc` block). */
export const VIEWER_CLIENT_ID = 'segqc-viewer';
export const DICOMWEB_RESOURCE = 'urn:segqc:dicomweb';
export const SERVICE_CLIENT_ID = 'segqc-qc-service';

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
}

/**
 * The tokens the viewer gets for `login`, without a browser: the authorization code flow with PKCE
 * S256 as OHIF runs it (authorization request, the provider's sign-in form posted with the
 * password, its redirects followed with its cookies, the code exchanged at the token endpoint).
 * Throws with the provider's message when the sign-in is refused.
 */
export async function signInOverHttp(server: SignedInServer, login: DemoLogin | string, password: string = DEMO_PASSWORDS[login as DemoLogin]): Promise<TokenResponse> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${server.baseUrl}/callback`;
  const authorization = new URL(`${server.issuer}/auth`);
  for (const [name, value] of Object.entries({ client_id: VIEWER_CLIENT_ID, redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile', resource: DICOMWEB_RESOURCE, state: randomBytes(8).toString('hex'), code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' })) {
    authorization.searchParams.set(name, value);
  }
  const cookies = new Map<string, string>();
  let next: { url: string; init: RequestInit } = { url: authorization.href, init: {} };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(next.url, { ...next.init, redirect: 'manual', headers: { ...(next.init.headers as Record<string, string>), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, next.url);
      if (target.href.startsWith(redirectUri)) return exchangeCode(server, target, redirectUri, verifier);
      next = { url: target.href, init: {} };
      continue;
    }
    const page = await response.text();
    const refused = /data-testid="sign-in-error">([^<]*)</.exec(page)?.[1];
    if (refused) throw new Error(`sign-in refused: ${refused}`);
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action) throw new Error(`unexpected answer ${response.status} from ${next.url}: ${page.slice(0, 200)}`);
    next = { url: new URL(action, next.url).href, init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login, password }).toString() } };
  }
  throw new Error('the sign-in did not reach the viewer in 12 steps');
}

async function exchangeCode(server: SignedInServer, callback: URL, redirectUri: string, verifier: string): Promise<TokenResponse> {
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`the provider returned no code: ${callback.search}`);
  const response = await fetch(`${server.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: VIEWER_CLIENT_ID, code_verifier: verifier }).toString(),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** A token of the QC service account (client credentials grant, HTTP Basic client authentication). */
export async function serviceToken(server: SignedInServer, secret = readFileSync(server.serviceSecretFile, 'utf8').trim()): Promise<Response> {
  return fetch(`${server.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${SERVICE_CLIENT_ID}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
}
