import type { LesionAgreement, MaskAgreement, SegmentationComparison, SegmentVolume, StructureComparison } from '@segqc/core';
import { MAXIMUM_METRICS, type FailMetric, type FailThreshold } from './compareOptions';

/** Why a structure fails `segqc compare`: one side lacks it, or a --fail-under limit (value null: undefined). */
export type CompareFailure =
  | { criterion: 'missing'; missingFrom: 'a' | 'b' }
  | { criterion: FailMetric; toleranceMm: number | null; limit: number; value: number | null };

/** One row of `segqc compare`: a matched pair, or a segment one side lacks compared with an empty mask. */
export interface ComparedStructure {
  /** The segment of A (null when A lacks the structure). */
  a: SegmentVolume | null;
  b: SegmentVolume | null;
  missing: 'a' | 'b' | null;
  matchedBy: StructureComparison['matchedBy'] | null;
  agreement: MaskAgreement;
  lesions: LesionAgreement;
  failed: CompareFailure[];
}

/**
 * The rows of `segqc compare`, worst first: structures one side lacks (compared with an empty mask,
 * compareSegmentations' `missing`), then the matched pairs in matching order; each judged against
 * the --fail-under limits.
 */
export function comparedStructures(comparison: SegmentationComparison, limits: readonly FailThreshold[]): ComparedStructure[] {
  const missing = comparison.missing.map(({ missing: side, segment, agreement, lesions }): ComparedStructure => ({
    a: side === 'a' ? null : segment, b: side === 'b' ? null : segment, missing: side, matchedBy: null, agreement, lesions,
    failed: [{ criterion: 'missing', missingFrom: side }, ...failures(agreement, lesions, limits)],
  }));
  const matched = comparison.structures.map(({ a, b, matchedBy, agreement, lesions }): ComparedStructure => ({
    a, b, missing: null, matchedBy, agreement, lesions, failed: failures(agreement, lesions, limits),
  }));
  return [...missing, ...matched];
}

/** The row's structure: the segment it has (A's when both). */
export function segmentOf(row: ComparedStructure): SegmentVolume {
  return (row.a ?? row.b)!;
}

/** The limits a row fails; an undefined distance or NSD fails unless both masks are empty (as the review judges it). */
function failures(agreement: MaskAgreement, lesions: LesionAgreement, limits: readonly FailThreshold[]): CompareFailure[] {
  const bothEmpty = agreement.a.voxels + agreement.b.voxels === 0;
  const failed: CompareFailure[] = [];
  for (const { metric, toleranceMm, limit } of limits) {
    const value = valueOf(metric, toleranceMm, agreement, lesions);
    const maximum = MAXIMUM_METRICS.includes(metric);
    const fails = value === null ? !bothEmpty : maximum ? value > limit : value < limit;
    if (fails) failed.push({ criterion: metric, toleranceMm, limit, value });
  }
  return failed;
}

function valueOf(metric: FailMetric, toleranceMm: number | null, agreement: MaskAgreement, lesions: LesionAgreement): number | null {
  switch (metric) {
    case 'dice': return agreement.dice;
    case 'jaccard': return agreement.jaccard;
    case 'nsd': return agreement.nsd[String(toleranceMm)] ?? null;
    case 'f1': return lesions.f1;
    case 'hd': return agreement.hdMm;
    case 'hd95': return agreement.hd95Mm;
    case 'assd': return agreement.assdMm;
  }
}

const NAMES: Record<FailMetric, string> = { dice: 'Dice', jaccard: 'Jaccard', nsd: 'NSD', f1: 'lesion F1', hd: 'HD', hd95: 'HD95', assd: 'ASSD' };

/** A failure as the table prints it. */
export function failureText(failure: CompareFailure): string {
  if (failure.criterion === 'missing') return `missing from ${failure.missingFrom.toUpperCase()} (compared with an empty mask)`;
  const maximum = MAXIMUM_METRICS.includes(failure.criterion);
  const name = `${NAMES[failure.criterion]}${failure.criterion === 'nsd' ? `@${failure.toleranceMm}mm` : ''}`;
  const unit = maximum ? ' mm' : '';
  if (failure.value === null) return `${name} undefined (one mask is empty), limit ${failure.limit}${unit}`;
  return `${name} ${failure.value.toFixed(maximum ? 2 : 3)}${unit} ${maximum ? '>' : '<'} ${failure.limit}${unit}`;
}
