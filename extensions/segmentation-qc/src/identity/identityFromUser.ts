/**
 * The identity of the user signed in through OHIF's OIDC login (userAuthenticationService.getUser(),
 * an oidc-client User): the login is the `preferred_username` claim, else `sub` (OpenID Connect
 * Core 1.0 §5.1); the name is the `name` claim, else the login. Null when no one is signed in.
 */
import type { AuthenticatedUser } from '../services';
import type { Identity } from './Identity';
import { personNameFromProfile } from './personName';

export function identityFromUser(user: AuthenticatedUser | null | undefined): Identity | null {
  const profile = user?.profile;
  if (!profile) return null;
  const login = (profile.preferred_username ?? '').trim() || (profile.sub ?? '').trim();
  if (!login) return null;
  const name = (profile.name ?? '').trim() || login;
  return { name, personName: personNameFromProfile(profile, login), login, selfDeclared: false };
}
