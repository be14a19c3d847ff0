import type { InventorySeg } from '@segqc/core';
import type { QcAnnotationRef, QcCaseResult } from './QcCaseResult';

/** Differences below this share of the source's thickness are rounding in the writer's decimal text. */
const TOLERANCE = 0.01;

/**
 * A compared SEG whose Pixel Measures' SliceThickness is not its source series' (OHIF 3.13 writes
 * the gap between the frames the reader painted: 5 mm on a 2.5 mm CT). A header defect, not an
 * error: frames are placed on the source grid by their positions, so the numbers do not change.
 */
export function sliceThicknessWarnings(annotations: readonly QcAnnotationRef[], segs: readonly InventorySeg[], sourceThicknessMm: number): QcCaseResult['warnings'] {
  return annotations.flatMap((annotation) => {
    const written = segs.find((seg) => seg.sopInstanceUid === annotation.sopInstanceUid)?.sliceThicknessMm ?? null;
    if (written === null || Math.abs(written - sourceThicknessMm) <= TOLERANCE * sourceThicknessMm) return [];
    return [{
      id: annotation.id,
      sopInstanceUid: annotation.sopInstanceUid,
      warning: `SliceThickness is ${written} mm in the SEG and ${sourceThicknessMm} mm in its source series; frames are placed by their positions, the SEG's thickness is not used`,
    }];
  });
}
