/**
 * What an annotation SEG's ContentDescription (0070,0081, LO, Content Identification Macro, PS3.3
 * Table 10-12) says it is. Core buildBinarySeg appends how its creator is known, so the PACS holds
 * "SegQC annotation; creator authenticated" (the viewer's OIDC sign-in, whose issuer and subject the
 * SEG also records) or "SegQC annotation; creator self-declared" (name and login typed by the user).
 * The person identification code itself stays the standard macro (PS3.3 Table 10-1), so other
 * readers see the same name and login either way.
 */
export const ANNOTATION_CONTENT_DESCRIPTION = 'SegQC annotation';

/** The ContentDescription of an annotation saved without a sign-in, as the PACS then holds it. */
export const SELF_DECLARED_CREATOR = `${ANNOTATION_CONTENT_DESCRIPTION}; creator self-declared`;
