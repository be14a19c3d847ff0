import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { AnnotationRef } from './workerProtocol';

export interface ReviewCandidates {
  sourceSeriesInstanceUid: string;
  annotations: AnnotationRef[];
  /** The annotator summary of each annotation id, for the table's names. A Map: ids are annotators' names from the PACS, and `__proto__` is a name too. */
  summaries: ReadonlyMap<string, AnnotationSummary>;
}

/**
 * The annotations a reviewer compares: the annotators' SEGs (ContentLabel ANNOTATION, or none)
 * drawn on one series — the series with most of them, the one on screen on a tie. Reference
 * SEGs (ADJUDICATED, GOLD) are what disagreements are resolved into, not one more opinion.
 */
export function reviewCandidates(summaries: readonly AnnotationSummary[], seriesOnScreen: string | null): ReviewCandidates | null {
  const bySeries = new Map<string, AnnotationSummary[]>();
  for (const summary of summaries) {
    if (summary.role !== null && summary.role !== 'ANNOTATION') continue;
    if (!summary.sourceSeriesInstanceUID || !summary.sopInstanceUID) continue;
    bySeries.set(summary.sourceSeriesInstanceUID, [...(bySeries.get(summary.sourceSeriesInstanceUID) ?? []), summary]);
  }
  const ranked = [...bySeries.entries()].sort(([seriesA, a], [seriesB, b]) => b.length - a.length || Number(seriesB === seriesOnScreen) - Number(seriesA === seriesOnScreen));
  const [chosen] = ranked;
  if (!chosen || chosen[1].length < 2) return null;
  const [sourceSeriesInstanceUid, members] = chosen;
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
  return { sourceSeriesInstanceUid, annotations, summaries: byId };
}
