import type { SopThresholds } from '../sop/Sop';

export type ThresholdCriterion = 'minDice' | 'maxHd95Mm' | 'minNsd';

/**
 * Why a structure is escalated for an annotator pair: a SOP threshold it fails (value null: the
 * distance is undefined because one surface is empty), or 'missing': one annotator has the
 * structure and the other (`missingFrom`, an annotation id) has no such segment.
 */
export type FailedCriterion =
  | { criterion: ThresholdCriterion; threshold: number; value: number | null }
  | { criterion: 'missing'; missingFrom: string };

export type ReviewVerdict = 'pass' | 'escalate' | 'no-thresholds';

export interface ThresholdJudgement {
  verdict: ReviewVerdict;
  /** Empty unless escalated. */
  failed: FailedCriterion[];
  /**
   * The smallest normalised margin over the criteria, negative when one fails: (value − t) / t for a
   * minimum, (t − value) / t for a maximum (t = 0: value − t); −∞ for an undefined value or a missing
   * segment. null without thresholds. Orders rows worst first across criteria of different units.
   */
  worstMargin: number | null;
}

/** The metrics a verdict reads; `bothEmpty`: neither mask has a voxel, so no distance exists or is needed. */
export interface JudgedMetrics {
  dice: number;
  hd95Mm: number | null;
  nsd: number | null;
  bothEmpty: boolean;
}

/**
 * The verdict on one structure for one annotator pair against its SOP thresholds: escalate when any
 * fails — Dice below minDice, HD95 above maxHd95Mm, NSD (at the SOP's tolerance) below minNsd; a
 * distance that is undefined because exactly one mask is empty fails (two empty masks agree: Dice 1,
 * no distance to judge). No thresholds (no SOP structure applies): 'no-thresholds'.
 */
export function judgeAgainstThresholds(metrics: JudgedMetrics, thresholds: SopThresholds | null): ThresholdJudgement {
  if (!thresholds) return { verdict: 'no-thresholds', failed: [], worstMargin: null };
  const checks: Array<{ criterion: ThresholdCriterion; threshold: number; value: number | null; minimum: boolean }> = [
    { criterion: 'minDice', threshold: thresholds.minDice, value: metrics.dice, minimum: true },
  ];
  if (!metrics.bothEmpty) {
    checks.push({ criterion: 'maxHd95Mm', threshold: thresholds.maxHd95Mm, value: metrics.hd95Mm, minimum: false });
    checks.push({ criterion: 'minNsd', threshold: thresholds.minNsd, value: metrics.nsd, minimum: true });
  }
  const failed: FailedCriterion[] = [];
  let worstMargin = Infinity;
  for (const { criterion, threshold, value, minimum } of checks) {
    const margin = value === null ? -Infinity : (minimum ? value - threshold : threshold - value) / (threshold === 0 ? 1 : threshold);
    if (margin < 0) failed.push({ criterion, threshold, value });
    worstMargin = Math.min(worstMargin, margin);
  }
  return { verdict: failed.length > 0 ? 'escalate' : 'pass', failed, worstMargin };
}

/** A structure one annotator of the pair has and the other lacks: always escalated, whatever the SOP says. */
export function judgeMissing(missingFrom: string): ThresholdJudgement {
  return { verdict: 'escalate', failed: [{ criterion: 'missing', missingFrom }], worstMargin: -Infinity };
}
