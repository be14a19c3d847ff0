/**
 * The SOPs' smallest clinically meaningful fall in Dice by structure (SopStructure.drift
 * .meaningfulDiceChange), keyed by each structure's label and synonyms, for driftState's
 * `meaningfulDiceChange` option (the floor of each drift chart's σ is m / L). A structure two SOPs of
 * the library name with different values gets the smaller: the floor must not hide a fall one of
 * them calls meaningful. A structure no SOP gives a rule falls back to
 * DEFAULT_MEANINGFUL_DICE_CHANGE in driftState.
 */
import type { Sop } from '../sop/Sop';

export function meaningfulDiceChangesOf(sops: readonly Sop[]): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const sop of sops) {
    for (const structure of sop.structures) {
      const change = structure.drift?.meaningfulDiceChange;
      if (change === undefined) continue;
      for (const label of [structure.label, ...(structure.synonyms ?? [])]) {
        changes[label] = Math.min(change, changes[label] ?? Infinity);
      }
    }
  }
  return changes;
}
