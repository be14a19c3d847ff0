import { paintedSlices, type Segmentation } from '@segqc/core';
import type { QcAnnotationRef, QcCaseResult } from './QcCaseResult';

/**
 * Each segment a reader painted with skipped slices (every other slice, as OHIF lets one do):
 * "Right lung painted on 3 of 9 slices". Its agreement with a reader who painted every slice
 * measures coverage as much as boundaries, and the reviewer is told so beside the numbers.
 */
export function sparsePaintingWarnings(annotations: readonly QcAnnotationRef[], segmentations: ReadonlyMap<string, Segmentation>): QcCaseResult['warnings'] {
  return annotations.flatMap((annotation) =>
    (segmentations.get(annotation.id)?.segments ?? []).flatMap((segment) => {
      const { painted, spanned, shortGaps } = paintedSlices(segment.mask);
      if (shortGaps === 0) return [];
      return [{
        id: annotation.id,
        sopInstanceUid: annotation.sopInstanceUid,
        warning: `${segment.label} painted on ${painted} of ${spanned} slices: between painted slices its agreement measures coverage as much as boundaries`,
      }];
    }),
  );
}
