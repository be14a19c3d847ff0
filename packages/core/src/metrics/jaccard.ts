import type { BitMask } from '../volume/BitMask';
import { overlapCounts, type OverlapCounts } from './overlapCounts';

/** Jaccard = |A ∩ B| / |A ∪ B|, from voxel counts; 1 when both are empty, as Dice. */
export function jaccardFromCounts({ a, b, both }: OverlapCounts): number {
  const union = a + b - both;
  return union === 0 ? 1 : both / union;
}

/** Jaccard index of two masks on one grid (see jaccardFromCounts). */
export function jaccard(a: BitMask, b: BitMask): number {
  return jaccardFromCounts(overlapCounts(a, b));
}
