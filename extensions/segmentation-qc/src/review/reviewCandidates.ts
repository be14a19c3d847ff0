import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { AnnotationRef } from './workerProtocol';

export interface ReviewCandidates {
  sourceSeriesInstanceUid: string;
  annotations: AnnotationRef[];
  /** The annotator summary of each annotation id, for the table's names. A Map: ids are annotators' names from the PACS, and `__proto__` is a name too. */
  summaries: ReadonlyMap<string, AnnotationSummary>;
  /** Annotation candidates not compared, each with why: shown in the panel, never dropped in silence. */
  leftOut: LeftOutAnnotation[];
}

export interface LeftOutAnnotation {
  summary: AnnotationSummary;
  reason: string;
}

const REFERENCE_ROLES = new Set(['ADJUDICATED', 'GOLD']);

/**
 * The annotations a reviewer compares: every SEG that is not a reference standard (ANNOTATION,
 * OHIF's SEGMENTATION, another tool's label or none) drawn on one series — the series with most of
 * them, the one on screen on a tie; the others are left out with why. Reference SEGs (ADJUDICATED,
 * GOLD) are what disagreements are resolved into, not one more opinion.
 */
export function reviewCandidates(summaries: readonly AnnotationSummary[], seriesOnScreen: string | null): ReviewCandidates | null {
  const bySeries = new Map<string, AnnotationSummary[]>();
  const unplaced: LeftOutAnnotation[] = [];
  for (const summary of summaries) {
    if (summary.role !== null && REFERENCE_ROLES.has(summary.role)) continue;
    if (!summary.sourceSeriesInstanceUID || !summary.sopInstanceUID) {
      unplaced.push({ summary, reason: summary.sopInstanceUID ? 'it names no source series (ReferencedSeriesSequence)' : 'its metadata has no SOP Instance UID' });
      continue;
    }
    bySeries.set(summary.sourceSeriesInstanceUID, [...(bySeries.get(summary.sourceSeriesInstanceUID) ?? []), summary]);
  }
  const ranked = [...bySeries.entries()].sort(([seriesA, a], [seriesB, b]) => b.length - a.length || Number(seriesB === seriesOnScreen) - Number(seriesA === seriesOnScreen));
  const [chosen] = ranked;
  if (!chosen || chosen[1].length < 2) return null;
  const [sourceSeriesInstanceUid, members] = chosen;
  const leftOut = [
    ...unplaced,
    ...ranked.slice(1).flatMap(([series, others]) => others.map((summary) => ({ summary, reason: `drawn on series ${series}, not on the compared series ${sourceSeriesInstanceUid}` }))),
  ];
  const ids = new Map<string, number>();
  const annotations: AnnotationRef[] = [];
  const byId = new Map<string, AnnotationSummary>();
  for (const summary of members) {
    // Ids are the annotators' names; an annotator with two SEGs gets "Name (2)".
    const seen = (ids.get(summary.annotator) ?? 0) + 1;
    ids.set(summary.annotator, seen);
    const id = seen === 1 ? summary.annotator : `${summary.annotator} (${seen})`;
    annotations.push({ id, seriesInstanceUid: summary.seriesInstanceUID, sopInstanceUid: summary.sopInstanceUID! });
    byId.set(id, summary);
  }
  return { sourceSeriesInstanceUid, annotations, summaries: byId, leftOut };
}
