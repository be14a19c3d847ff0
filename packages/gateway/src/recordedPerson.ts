/**
 * Whether a person an object records (a SEG's creator, a report's observer or verifier) is the
 * signed-in user. Stores need the strict answer: the object records the token's issuer and subject
 * as authenticated, and its login. Reads (blinding) also count a self-declared object with the
 * user's login as theirs: the objects made before sign-in was turned on, which cannot name a subject.
 */
import type { AuthenticatedIdentity } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';

export interface RecordedPerson {
  login?: string;
  /** Absent: self-declared. */
  authentication?: AuthenticatedIdentity;
}

/** The login SegQC records for a signed-in user: `preferred_username`, else the subject. */
export const loginOf = (user: TokenIdentity): string => user.login ?? user.subject;

/** Why `person` is not the signed-in user as an object they store must name them, or null when it is. */
export function notTheUser(person: RecordedPerson, user: TokenIdentity): string | null {
  const auth = person.authentication;
  if (!auth) return 'records a self-declared identity; a signed-in user stores objects that record their authenticated identity';
  if (auth.issuer !== user.issuer || auth.subject !== user.subject) return 'records another authenticated person';
  if (person.login !== loginOf(user)) return "records a login other than the signed-in user's";
  return null;
}

/** Whether a stored object's person is the user, for reading: authenticated as them, or self-declared with their login. */
export function isTheUser(person: RecordedPerson, user: TokenIdentity): boolean {
  const auth = person.authentication;
  if (auth) return auth.issuer === user.issuer && auth.subject === user.subject;
  return person.login !== undefined && person.login === loginOf(user);
}
