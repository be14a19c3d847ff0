/**
 * The series a case's annotations are compared on: the one most annotations were drawn on (as
 * the viewer's reviewer picks it); on a tie, the one annotated first (byMadeAt), so that every
 * reader of the PACS picks the same. null when no annotation names its source series.
 */
import { byMadeAt } from './byMadeAt';
import type { InventorySeg } from './InventoryModel';

export function comparedSeries(annotations: readonly InventorySeg[]): string | null {
  const bySeries = new Map<string, InventorySeg[]>();
  for (const annotation of [...annotations].sort(byMadeAt)) {
    if (annotation.sourceSeriesInstanceUid === null) continue;
    bySeries.set(annotation.sourceSeriesInstanceUid, [...(bySeries.get(annotation.sourceSeriesInstanceUid) ?? []), annotation]);
  }
  // Map order is the order of each series' first annotation; sort is stable.
  const ranked = [...bySeries.entries()].sort(([, a], [, b]) => b.length - a.length);
  return ranked[0]?.[0] ?? null;
}
