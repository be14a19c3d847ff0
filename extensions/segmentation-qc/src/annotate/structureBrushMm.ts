import type { Sop } from '@segqc/core';

/**
 * The brush radius (mm) the SOP gives the structure a segment of the annotator's labelmap stands for
 * (segment n is structure n − 1, sopLabelmapSegments); null when the segment is no structure of the
 * SOP or the structure names no brush.
 */
export function structureBrushMm(sop: Sop, segmentIndex: number): number | null {
  return sop.structures[segmentIndex - 1]?.brushMm ?? null;
}
