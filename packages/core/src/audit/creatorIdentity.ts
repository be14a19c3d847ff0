/**
 * Whether a SegQC SEG's creator was self-declared or signed in, as its ContentDescription records
 * it (Content Identification Macro, PS3.3 Table 10-12) in fixed sentences:
 * - annotation SEGs (extensions/segmentation-qc/src/annotate/annotationContentDescription.ts):
 *   "SegQC annotation; creator self-declared" / "SegQC annotation; creator signed in";
 * - reference SEGs (adjudication/writeAdjudication.ts referenceContentDescription):
 *   "SegQC adjudicated reference standard; creator self-declared" / "…; creator signed in".
 * The annotation sentences are written by the viewer, which core cannot import; they are repeated
 * here as data, and the audit tests build SEGs with both.
 */
import { referenceContentDescription } from '../adjudication/writeAdjudication';

export const ANNOTATION_CREATOR_SELF_DECLARED = 'SegQC annotation; creator self-declared';
export const ANNOTATION_CREATOR_SIGNED_IN = 'SegQC annotation; creator signed in';

const SELF_DECLARED = new Set([ANNOTATION_CREATOR_SELF_DECLARED, referenceContentDescription(true)]);
const SIGNED_IN = new Set([ANNOTATION_CREATOR_SIGNED_IN, referenceContentDescription(false)]);

/** true (self-declared), false (signed in), or undefined when the ContentDescription is none of SegQC's sentences. */
export function creatorSelfDeclared(contentDescription: string | undefined): boolean | undefined {
  const text = contentDescription?.trim() ?? '';
  return SELF_DECLARED.has(text) ? true : SIGNED_IN.has(text) ? false : undefined;
}
