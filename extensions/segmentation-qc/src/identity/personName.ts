/**
 * The DICOM person name (PN, PS3.5 6.2: `Family^Given^Middle^Prefix^Suffix`, at most 64 characters
 * per component group) for a name. A typed name is not split into parts: whether "Ana Rivera"
 * is given-then-family depends on the culture, and guessing would write a wrong family name. So
 * plain text is recorded as one component, exactly as typed (a valid PN that reads back as typed),
 * and a structured name is recorded only when the user writes it that way, e.g. `Rivera^Ana`.
 */
import { DicomValueError, checkPersonName } from '@segqc/core';
import { IdentityError } from './Identity';

/** The PN for a name the user typed; IdentityError('name') when it cannot be one. */
export function personNameFromTyped(typed: string): string {
  const name = typed.trim();
  if (name === '') throw new IdentityError('name', 'is required');
  try {
    return checkPersonName(name, 'name');
  } catch (error) {
    if (error instanceof DicomValueError) throw new IdentityError('name', error.reason);
    throw error;
  }
}

/**
 * The PN for a login's profile: `Family^Given` from the OIDC claims family_name and given_name when
 * both are there, else the display name as one component. Characters a PN cannot hold (the
 * delimiters `^ = \`, control characters) are dropped and each component cut to fit 64 characters,
 * since the identity provider, not the user, chose them.
 */
export function personNameFromProfile(profile: { name?: string; given_name?: string; family_name?: string }, fallback: string): string {
  const clean = (part: string | undefined): string => (part ?? '').replace(/[\^=\\\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  const family = clean(profile.family_name);
  const given = clean(profile.given_name);
  if (family && given) {
    const familyPart = family.slice(0, 63 - Math.min(given.length, 31));
    return `${familyPart}^${given.slice(0, 63 - familyPart.length)}`;
  }
  return (clean(profile.name) || clean(fallback)).slice(0, 64);
}
