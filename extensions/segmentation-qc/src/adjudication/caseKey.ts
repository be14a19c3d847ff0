import type { CaseReviewSummary } from '../review/reviewSummary';

/**
 * What makes a reviewed case the same case again when the panel reviews it anew (OHIF remounts
 * the panel after a tab switch, and the agreement is computed again): the study, the annotations
 * compared, their structures with the verdicts (the SOP in force decides those) and the source grid. The adjudication on record is left out: a
 * signature in this sitting adds one, and the drafts still describe what the adjudicator decided.
 */
export function caseKeyOf(studyInstanceUid: string, review: CaseReviewSummary): string {
  return JSON.stringify([
    studyInstanceUid,
    review.annotationIds,
    review.structures.map((structure) => [structure.key, structure.label, structure.verdict]),
    review.grid,
    review.sliceSopInstanceUids,
  ]);
}
