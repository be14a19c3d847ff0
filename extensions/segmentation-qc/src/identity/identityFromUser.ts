/**
 * The identity of the user signed in through OHIF's OIDC login (userAuthenticationService.getUser(),
 * an oidc-client User): the login is the `preferred_username` claim, else `sub` (OpenID Connect
 * Core 1.0 §5.1); the name is the `name` claim, else the login; the authentication is the ID
 * token's `iss` and `sub`, exactly as given (Core §2), which every SEG and SR the user writes
 * records. A profile the writers could not record as a sign-in (no `iss`, or an `iss` that is no
 * URL) is kept without authentication: what the user writes is then self-declared, never
 * claimed as authenticated. Null when no one is signed in.
 */
import { checkAuthenticatedIdentity, DicomValueError, type AuthenticatedIdentity } from '@segqc/core';
import type { AuthenticatedUser } from '../services';
import type { Identity } from './Identity';
import { personNameFromProfile } from './personName';

type OidcProfile = NonNullable<AuthenticatedUser['profile']>;

export function identityFromUser(user: AuthenticatedUser | null | undefined): Identity | null {
  const profile = user?.profile;
  if (!profile) return null;
  const login = (profile.preferred_username ?? '').trim() || (profile.sub ?? '').trim();
  if (!login) return null;
  const name = (profile.name ?? '').trim() || login;
  const authentication = authenticationOf(profile);
  return { name, personName: personNameFromProfile(profile, login), login, ...(authentication ? { authentication } : {}) };
}

function authenticationOf(profile: OidcProfile): AuthenticatedIdentity | undefined {
  try {
    return checkAuthenticatedIdentity({ issuer: profile.iss, subject: profile.sub }, { identity: 'profile', issuer: 'profile.iss', subject: 'profile.sub' });
  } catch (error) {
    if (error instanceof DicomValueError) return undefined;
    throw error;
  }
}
