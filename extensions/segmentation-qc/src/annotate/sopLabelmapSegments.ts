import type { Sop } from '@segqc/core';
import type { LabelmapSegmentInit } from '../labelmap';

/**
 * The labelmap segments for a SOP: structure n of the SOP is segment n + 1, with the SOP's label and
 * colour. The same numbering is the SEG's SegmentNumber (annotationSeg), so what the brush paints
 * as segment n is written with structure n's codes.
 */
export function sopLabelmapSegments(sop: Sop): LabelmapSegmentInit[] {
  return sop.structures.map((structure, n) => ({ segmentIndex: n + 1, label: structure.label, color: structure.color }));
}
