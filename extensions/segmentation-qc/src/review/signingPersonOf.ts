import type { Identity } from '../identity/Identity';
import type { SigningPerson } from './workerProtocol';

/** The viewer's identity as the writers in the worker record it: the DICOM name, the login, and the sign-in when there is one. */
export function signingPersonOf(identity: Identity): SigningPerson {
  return { name: identity.personName, login: identity.login, ...(identity.authentication ? { authentication: identity.authentication } : {}) };
}
