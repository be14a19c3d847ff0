/**
 * The reference-standard mask of one adjudicated structure, on the source grid, by the
 * adjudicator's method: the accepted annotation's segment (a copy), the majority vote or STAPLE of
 * every annotation (review/referenceMask: a tie is foreground; STAPLE's posterior ≥ 0.5), or the
 * edited mask (a copy). An annotation without the structure takes part in a consensus as an
 * empty mask: its annotator looked and marked nothing there.
 */
import { referenceMask } from '../review/referenceMask';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import { ANNOTATION_LETTERS } from '../sr/qcCodes';
import { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';
import type { AdjudicatedStructure } from './Adjudication';

export function referenceMaskOf(structure: AdjudicatedStructure, annotations: readonly JudgedSegmentation[], grid: VoxelGrid): BitMask {
  const { method } = structure.decision;
  if (method.kind === 'edited') return new BitMask(grid, method.mask.words.slice());
  const masks = annotations.map(({ segmentation }, n) => {
    const own = structure.segments.find((segment) => segment.annotation === ANNOTATION_LETTERS[n]);
    return own === undefined ? new BitMask(grid) : segmentation.segments.find((segment) => segment.number === own.segmentNumber)!.mask;
  });
  if (method.kind === 'accept') return referenceMask({ kind: 'accept', index: ANNOTATION_LETTERS.indexOf(method.annotation) }, masks);
  return referenceMask({ kind: method.kind }, masks);
}
