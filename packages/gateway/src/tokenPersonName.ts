/**
 * The DICOM person name (PN, PS3.5 6.2) the gateway records for a token's user, when it records them
 * as the creator of a SEG that named none (stampCreator.ts). As the viewer makes one from a sign-in
 * profile (extensions/segmentation-qc/src/identity/personName.ts): `Family^Given` from the claims
 * family_name and given_name when both are there — a display name is not split, whether "Ana
 * Rivera" is given-then-family depends on the culture — else the `name` claim as one component;
 * and, as the CLI names a service account, its client_id (RFC 9068 §2.2). Characters a PN cannot
 * hold (its delimiters `^ = \`, control characters) become spaces and each component is cut to fit
 * 64 characters, since the identity provider, not the user, chose them.
 */
import type { JWTPayload } from 'jose';
import type { TokenIdentity } from './accessTokens';
import { loginOf } from './recordedPerson';

const clean = (value: unknown): string => (typeof value === 'string' ? value : '').replace(/[\^=\\\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();

/** The PN the token's claims give, or undefined when they name no one. */
export function tokenPersonName(claims: JWTPayload): string | undefined {
  const family = clean(claims['family_name']);
  const given = clean(claims['given_name']);
  if (family && given) {
    const familyPart = family.slice(0, 63 - Math.min(given.length, 31));
    return `${familyPart}^${given.slice(0, 63 - familyPart.length)}`;
  }
  const name = clean(claims['name']) || clean(claims['client_id']);
  return name ? name.slice(0, 64) : undefined;
}

/** The PN recorded for `user`: their token's, else their login as one component (as the CLI and the viewer fall back). */
export function personNameOf(user: TokenIdentity): string {
  return user.personName ?? clean(loginOf(user)).slice(0, 64);
}
