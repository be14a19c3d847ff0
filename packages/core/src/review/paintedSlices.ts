/**
 * How many slices a reader painted a structure on, of those between the first and the last they
 * painted, and how many short gaps (one or two unpainted slices between painted ones) there are. A
 * reader who paints every other slice (OHIF lets one skip) leaves short gaps that are not
 * disagreement about a boundary: Dice against a reader who painted every slice then measures
 * coverage. The reviewer is told "painted on 3 of 9 slices" (issue 13), not only the Dice. Long
 * gaps are separate objects (lesions far apart), not skipped slices.
 */
import type { BitMask } from '../volume/BitMask';

export interface PaintedSlices {
  /** Slices with at least one voxel. */
  painted: number;
  /** Slices from the first painted to the last painted, both included (0 for an empty mask). */
  spanned: number;
  /** Runs of one or two unpainted slices between painted ones: skipped slices. */
  shortGaps: number;
}

/** The longest run of unpainted slices between painted ones that still counts as skipped. */
const SHORT_GAP_SLICES = 2;

export function paintedSlices(mask: BitMask): PaintedSlices {
  const sliceSize = mask.grid.columns * mask.grid.rows;
  const painted = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (const index of mask.indices()) {
    const slice = Math.floor(index / sliceSize);
    if (painted.has(slice)) continue;
    painted.add(slice);
    first = Math.min(first, slice);
    last = Math.max(last, slice);
  }
  const sorted = [...painted].sort((a, b) => a - b);
  const shortGaps = sorted.slice(1).filter((slice, n) => slice - sorted[n]! - 1 >= 1 && slice - sorted[n]! - 1 <= SHORT_GAP_SLICES).length;
  return { painted: painted.size, spanned: painted.size === 0 ? 0 : last - first + 1, shortGaps };
}
