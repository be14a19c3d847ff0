import { useCallback, useState } from 'react';
import type { UserAuthenticationService } from '../services';
import { currentIdentity } from './currentIdentity';
import { IdentityError, type Identity } from './Identity';
import { browserStorage, forgetSelfDeclaredIdentity, saveSelfDeclaredIdentity, type SelfDeclaredIdentityInput, type StorageLike } from './selfDeclaredIdentity';

export interface IdentityState {
  /** Null until the user signs in or declares who they are. */
  identity: Identity | null;
  /** Why the last declared identity was refused, naming the field. */
  error: IdentityError | null;
  /** Declare (or change) a self-declared identity; false when refused (see error). Ignored under an OIDC login. */
  declare(input: SelfDeclaredIdentityInput): boolean;
  /** Forget the self-declared identity in this browser. */
  forget(): void;
}

/** The user's identity (currentIdentity), read when the panel mounts, and the means to declare one. */
export function useIdentity(auth: Pick<UserAuthenticationService, 'getUser'>, storage: StorageLike | null = browserStorage()): IdentityState {
  const [identity, setIdentity] = useState<Identity | null>(() => currentIdentity(auth, storage));
  const [error, setError] = useState<IdentityError | null>(null);
  const signedIn = identity?.authentication !== undefined;

  const declare = useCallback(
    (input: SelfDeclaredIdentityInput): boolean => {
      if (signedIn) return false;
      try {
        setIdentity(saveSelfDeclaredIdentity(storage, input));
        setError(null);
        return true;
      } catch (refused) {
        if (!(refused instanceof IdentityError)) throw refused;
        setError(refused);
        return false;
      }
    },
    [signedIn, storage],
  );

  const forget = useCallback(() => {
    if (signedIn) return;
    forgetSelfDeclaredIdentity(storage);
    setIdentity(null);
    setError(null);
  }, [signedIn, storage]);

  return { identity, error, declare, forget };
}
