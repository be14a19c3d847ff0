import type { SegmentVolume } from '../volume/Segmentation';
import { paintedSlices } from './paintedSlices';

/**
 * What the reviewer is told of a segment painted with skipped slices (every other slice, as OHIF
 * lets one do): "Right lung painted on 3 of 9 slices …" — its agreement with a reader who painted
 * every slice measures coverage as much as boundaries. Null for a segment painted without gaps.
 * One sentence for `segqc qc` and the viewer alike.
 */
export function sparsePaintingWarning(segment: SegmentVolume): string | null {
  const { painted, spanned, shortGaps } = paintedSlices(segment.mask);
  if (shortGaps === 0) return null;
  return `${segment.label} painted on ${painted} of ${spanned} slices: between painted slices its agreement measures coverage as much as boundaries`;
}
