import type { SegmentationComparison, SegmentVolume } from '@segqc/core';
import { segmentOf, type ComparedStructure } from './comparedStructures';

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function typeCode(segment: SegmentVolume): string | null {
  return segment.type ? `${segment.type.scheme}:${segment.type.value}` : null;
}

/**
 * The `segqc compare --json` contract: one object, snake_case keys, undefined values as null.
 * `segments`: the rows of comparedStructures, those one side lacks first (`missing`: 'a' or 'b',
 * that side's number and label null, its voxels 0); `failed`: why a row fails (exit 1).
 * `unmatched`: segments without counterpart when a DICOM SEG is compared (a label volume simply
 * lacks a label: that is `missing` only).
 */
export function comparisonJson(comparison: SegmentationComparison, rows: readonly ComparedStructure[], unmatched: SegmentationComparison['unmatched']) {
  const side = (segment: SegmentVolume | null, summary: { voxels: number; volumeMl: number }) => ({
    number: segment?.number ?? null, label: segment?.label ?? null, voxels: summary.voxels, volume_ml: summary.volumeMl,
  });
  return {
    conventions: Object.fromEntries(Object.entries(comparison.conventions).map(([key, value]) => [snakeCase(key), value])),
    segments: rows.map((row) => {
      const { agreement, lesions } = row;
      return {
        label: segmentOf(row).label,
        code: typeCode(segmentOf(row)),
        matched_by: row.matchedBy,
        missing: row.missing,
        a: side(row.a, agreement.a),
        b: side(row.b, agreement.b),
        volume_difference_ml: agreement.volumeDifferenceMl,
        dice: agreement.dice,
        jaccard: agreement.jaccard,
        hd_mm: agreement.hdMm,
        hd95_mm: agreement.hd95Mm,
        assd_mm: agreement.assdMm,
        nsd: agreement.nsd,
        lesions: {
          a: lesions.a.lesions,
          b: lesions.b.lesions,
          matched: lesions.matched,
          missed_by_a: lesions.a.missed,
          missed_by_b: lesions.b.missed,
          f1: lesions.f1,
          below_minimum_a: lesions.a.belowMinimum,
          below_minimum_b: lesions.b.belowMinimum,
        },
        failed: row.failed.map((failure) =>
          failure.criterion === 'missing'
            ? { criterion: 'missing', missing_from: failure.missingFrom }
            : { criterion: failure.criterion, tolerance_mm: failure.toleranceMm, limit: failure.limit, value: failure.value },
        ),
      };
    }),
    unmatched: unmatched.map(({ side, segment }) => ({ side, number: segment.number, label: segment.label, code: typeCode(segment) })),
  };
}
