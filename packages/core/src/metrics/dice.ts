import type { BitMask } from '../volume/BitMask';
import { overlapCounts, type OverlapCounts } from './overlapCounts';

/**
 * Dice = 2|A ∩ B| / (|A| + |B|), from voxel counts. 1 when both are empty: two annotators who
 * both find nothing agree perfectly (DESIGN.md, "Metric conventions").
 */
export function diceFromCounts({ a, b, both }: OverlapCounts): number {
  return a + b === 0 ? 1 : (2 * both) / (a + b);
}

/** Dice coefficient of two masks on one grid (see diceFromCounts). */
export function dice(a: BitMask, b: BitMask): number {
  return diceFromCounts(overlapCounts(a, b));
}
