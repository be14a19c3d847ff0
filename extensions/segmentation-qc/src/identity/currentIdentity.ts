/**
 * Who the user is: the OIDC login when OHIF has one (userAuthenticationService.getUser()), else
 * the identity the user declared in this browser, else nobody yet (the panel then asks).
 */
import type { UserAuthenticationService } from '../services';
import type { Identity } from './Identity';
import { identityFromUser } from './identityFromUser';
import { readSelfDeclaredIdentity, type StorageLike } from './selfDeclaredIdentity';

export function currentIdentity(auth: Pick<UserAuthenticationService, 'getUser'>, storage: StorageLike | null): Identity | null {
  return identityFromUser(auth.getUser?.()) ?? readSelfDeclaredIdentity(storage);
}
