/**
 * How a SegQC annotation SEG records whether its creator's identity was authenticated.
 *
 * ContentCreatorName (0070,0084) and the login in ContentCreatorIdentificationCodeSequence
 * (0070,0086) say who made the SEG. In a viewer without a login the user types them, and nothing
 * vouches for them; a reader of the audit trail must be able to tell. SegQC writes that in
 * ContentDescription (0070,0081, LO, Content Identification Macro, PS3.3 Table 10-12), the
 * attribute meant for a free-text description of the content, as one of two fixed sentences:
 *
 *   "SegQC annotation; creator self-declared"   the name and login were typed by the user;
 *   "SegQC annotation; creator signed in"        they come from the viewer's OIDC login.
 *
 * The person identification code itself stays the standard macro (PS3.3 Table 10-1), so other
 * readers see the same name and login either way.
 */
export const SELF_DECLARED_CREATOR = 'SegQC annotation; creator self-declared';
export const SIGNED_IN_CREATOR = 'SegQC annotation; creator signed in';

export function annotationContentDescription(selfDeclared: boolean): string {
  return selfDeclared ? SELF_DECLARED_CREATOR : SIGNED_IN_CREATOR;
}

/** Whether a ContentDescription says the creator was self-declared (true), signed in (false), or neither (undefined: not written by SegQC). */
export function creatorSelfDeclared(contentDescription: string | undefined): boolean | undefined {
  const text = contentDescription?.trim();
  return text === SELF_DECLARED_CREATOR ? true : text === SIGNED_IN_CREATOR ? false : undefined;
}
