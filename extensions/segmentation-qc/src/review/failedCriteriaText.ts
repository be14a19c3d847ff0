import { failedCriterionText, type FailedCriterion } from '@segqc/core';

/**
 * Why a pair is escalated, in the words of the QC overview and `segqc qc`: "Dice 0.39 < 0.70;
 * HD95 4.0 mm > 3.0 mm", or "missing from Okafor, Chidi" with the annotator as the panel names them.
 */
export function failedCriteriaText(failed: readonly FailedCriterion[], nameOf: (id: string) => string): string {
  return failed.map((failure) => failedCriterionText(failure.criterion === 'missing' ? { ...failure, missingFrom: nameOf(failure.missingFrom) } : failure)).join('; ');
}
