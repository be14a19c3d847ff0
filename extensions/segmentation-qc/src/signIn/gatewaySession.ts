/**
 * What the gateway takes the signed-in user for (`GET /segqc/session`, packages/gateway
 * sessionRoute.ts): their SegQC roles and what the role policy lets them store. The viewer offers
 * only what the gateway will accept; the gateway enforces it either way.
 */
export interface GatewaySession {
  login: string;
  roles: string[];
  /** StorableObject names of the gateway's role policy, e.g. `verified-qc-report`. */
  stores: string[];
}

export const SESSION_PATH = '/segqc/session';

/** The session, or an Error naming why it could not be had (the gateway's message when it answered). */
export async function fetchGatewaySession(headers: Record<string, string> | undefined): Promise<GatewaySession> {
  const response = await fetch(SESSION_PATH, { headers: headers ?? {}, cache: 'no-store' });
  const body = (await response.json().catch(() => null)) as (GatewaySession & { message?: string }) | null;
  if (!response.ok || !body || !Array.isArray(body.roles) || !Array.isArray(body.stores)) {
    throw new Error(`the gateway did not say who you are (HTTP ${response.status}${body?.message ? `: ${body.message}` : ''})`);
  }
  return { login: String(body.login), roles: body.roles.map(String), stores: body.stores.map(String) };
}

/**
 * Why the user may not store `object` (a sentence for the panel), or null when they may — or when
 * nobody signs in (self-declared: the gateway has no roles to apply) or the session is not known yet.
 */
export function storeRefusal(session: GatewaySession | null, object: string, what: string): string | null {
  if (session === null || session.stores.includes(object)) return null;
  const roles = session.roles.length > 0 ? session.roles.join(', ') : 'no SegQC role';
  return `${what}: your role (${roles}) may not; the gateway would refuse it`;
}
