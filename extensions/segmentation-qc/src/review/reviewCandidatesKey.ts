import type { AnnotationSummary } from '../annotations/annotationSummary';

/**
 * What reviewCandidates' result depends on, as a string a memo can compare: the summaries' SOP
 * Instance UIDs, in order. A SEG instance never changes, so its UID fixes its role, source series
 * and annotator; the order counts because it numbers an annotator's second SEG.
 */
export function reviewCandidatesKey(summaries: readonly AnnotationSummary[]): string {
  return summaries.map((summary) => summary.sopInstanceUID ?? '').join(',');
}
