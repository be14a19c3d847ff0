import { sparsePaintingWarning, type Segmentation } from '@segqc/core';
import type { QcAnnotationRef, QcCaseResult } from './QcCaseResult';

/** Each segment a reader painted with skipped slices (core sparsePaintingWarning), beside the numbers of `segqc qc`. */
export function sparsePaintingWarnings(annotations: readonly QcAnnotationRef[], segmentations: ReadonlyMap<string, Segmentation>): QcCaseResult['warnings'] {
  return annotations.flatMap((annotation) =>
    (segmentations.get(annotation.id)?.segments ?? []).flatMap((segment) => {
      const warning = sparsePaintingWarning(segment);
      return warning === null ? [] : [{ id: annotation.id, sopInstanceUid: annotation.sopInstanceUid, warning }];
    }),
  );
}
