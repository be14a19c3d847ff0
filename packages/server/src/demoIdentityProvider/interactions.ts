import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';
import { authenticatedDemoAccount } from './demoPeople';
import { VIEWER_CLIENT_ID } from './demoProviderConfiguration';
import { errorPage, signInPage } from './providerPages';

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
const FORM_LIMIT_BYTES = 4096;
const WRONG_CREDENTIALS = 'Wrong login or password.';
const CLIENT_NAME = 'SegQC';

export type InteractionHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * oidc-provider's interactions (its `interactions.url`), SegQC's way: the `login` prompt shows the
 * sign-in form (`GET /interaction/:uid`), whose `POST …/login` checks the password and finishes the
 * prompt, or shows the form again with an error; the `consent` prompt is granted at once, the viewer
 * being SegQC's own application. Returns undefined for any other path.
 */
export function interactionHandler(provider: Provider, pathname: string): InteractionHandler | undefined {
  const match = INTERACTION.exec(pathname);
  if (!match) return undefined;
  const uid = match[1]!;
  const submitted = match[2] !== undefined;
  return async (request, response) => {
    if (request.method !== (submitted ? 'POST' : 'GET')) return send(response, 405, errorPage('method not allowed'));
    let details: InteractionDetails;
    try {
      details = await provider.interactionDetails(request, response);
    } catch {
      return send(response, 400, errorPage('expired', 'This sign-in has expired or was already completed.'));
    }
    if (details.uid !== uid) return send(response, 400, errorPage('mismatch', 'This sign-in page belongs to another sign-in.'));
    if (details.prompt.name === 'login') return submitted ? signIn(provider, details, request, response) : send(response, 200, signInPage({ action: `/interaction/${uid}/login`, clientName: CLIENT_NAME }));
    if (details.prompt.name === 'consent' && !submitted) return grantConsent(provider, details, request, response);
    return send(response, 400, errorPage('unexpected', `Nothing to do for the ${details.prompt.name} prompt here.`));
  };
}

async function signIn(provider: Provider, details: InteractionDetails, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const form = await formOf(request);
  if (!form) return send(response, 400, errorPage('bad form', 'The sign-in form was not sent as a form.'));
  const login = (form.get('login') ?? '').trim();
  const account = await authenticatedDemoAccount(login, form.get('password') ?? '');
  if (!account) return send(response, 200, signInPage({ action: `/interaction/${details.uid}/login`, clientName: CLIENT_NAME, login, error: WRONG_CREDENTIALS }));
  await provider.interactionFinished(request, response, { login: { accountId: account.login } }, { mergeWithLastSubmission: false });
}

/** Grants what the viewer asked for: the OpenID scopes and claims, and the gateway's scope. */
async function grantConsent(provider: Provider, details: InteractionDetails, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const clientId = String(details.params.client_id);
  if (clientId !== VIEWER_CLIENT_ID || !details.session) return send(response, 400, errorPage('unexpected client', 'Only SegQC signs in here.'));
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId: details.session.accountId, clientId });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** An urlencoded form body of at most FORM_LIMIT_BYTES, or undefined. */
async function formOf(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}
