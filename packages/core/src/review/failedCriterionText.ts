import type { FailedCriterion } from './judgeAgainstThresholds';

const METRIC = { minDice: { name: 'Dice', unit: '', digits: 2, fails: '<' }, minNsd: { name: 'NSD', unit: '', digits: 2, fails: '<' }, maxHd95Mm: { name: 'HD95', unit: ' mm', digits: 1, fails: '>' } } as const;

/**
 * A failed SOP criterion in the words a reviewer reads: "Dice 0.39 < 0.70", "HD95 4.0 mm > 3.0 mm",
 * "NSD undefined (one surface is empty)", "missing from Chen, Wei" — not the SOP file's field names.
 */
export function failedCriterionText(failure: FailedCriterion): string {
  if (failure.criterion === 'missing') return `missing from ${failure.missingFrom}`;
  const { name, unit, digits, fails } = METRIC[failure.criterion];
  if (failure.value === null) return `${name} undefined (one surface is empty)`;
  return `${name} ${failure.value.toFixed(digits)}${unit} ${fails} ${failure.threshold.toFixed(digits)}${unit}`;
}
