import type { UserAuthenticationService } from '../services';
import type { Identity } from '../identity/Identity';
import { browserStorage, readSelfDeclaredIdentity } from '../identity/selfDeclaredIdentity';
import type { OutboxOwner } from '../outbox/OutboxOwner';
import { signInAuthority, viewerConfig } from './signInConfig';

/** The signed-in user as OHIF's OIDC login keeps it (an oidc-client User): the claims that say who it is. */
export interface SignedInUser {
  profile?: { iss?: string; sub?: string };
}

/**
 * Whose writes the outbox holds now: the signed-in user, by the token's issuer and subject (the
 * issuer is the configured provider when the client dropped the `iss` claim, as OHIF's implicit-flow
 * client does); else the login declared in this tab, marked self-declared; else nobody.
 */
export function currentOwner(user: SignedInUser | null | undefined, declared: Identity | null, authority: string | null): OutboxOwner | null {
  const subject = user?.profile?.sub?.trim();
  const issuer = user?.profile?.iss?.trim() || authority;
  if (subject && issuer) return { kind: 'signed-in', issuer, subject };
  return declared ? { kind: 'self-declared', login: declared.login } : null;
}

/** currentOwner for this tab: OHIF's user, the identity declared in this tab, the app-config's provider. */
export function tabOwner(auth: Pick<UserAuthenticationService, 'getUser'>): OutboxOwner | null {
  return currentOwner(auth.getUser?.(), readSelfDeclaredIdentity(browserStorage()), signInAuthority(viewerConfig()));
}
