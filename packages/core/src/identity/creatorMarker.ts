/**
 * How a SEG SegQC writes says, in words, how its creator's identity is known: ContentDescription
 * (0070,0081, LO, Content Identification Macro, PS3.3 Table 10-12) ends with "; creator
 * authenticated" or "; creator self-declared", e.g. "SegQC annotation; creator self-declared".
 * buildBinarySeg appends it to every SEG's description. The words are for people; the proof a
 * reader relies on is the subject code and the issuer (segCreatorIdentity), and words that
 * disagree with them (or the words of objects written before authentication was recorded,
 * "; creator signed in") never make a creator authenticated.
 */
export type CreatorMarker = 'authenticated' | 'self-declared';

/** The marker as the end of a description: 23 characters either way. */
export function creatorMarkerSuffix(marker: CreatorMarker): string {
  return `; creator ${marker}`;
}

/** `description` with the marker appended. */
export function withCreatorMarker(description: string, marker: CreatorMarker): string {
  return `${description}${creatorMarkerSuffix(marker)}`;
}

const MARKER_AT_END = /; creator (authenticated|self-declared|signed in)\s*$/;

/** What the end of a ContentDescription says: authenticated, self-declared, the old "signed in", or nothing. */
export function creatorMarkerOf(contentDescription: string | undefined): CreatorMarker | 'signed in' | undefined {
  const said = contentDescription === undefined ? undefined : MARKER_AT_END.exec(contentDescription)?.[1];
  return said as CreatorMarker | 'signed in' | undefined;
}
