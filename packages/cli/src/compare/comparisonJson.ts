import type { SegmentationComparison, SegmentVolume } from '@segqc/core';

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function typeCode(segment: SegmentVolume): string | null {
  return segment.type ? `${segment.type.scheme}:${segment.type.value}` : null;
}

/** The `segqc compare --json` contract: one object, snake_case keys, undefined values as null. */
export function comparisonJson(comparison: SegmentationComparison) {
  return {
    conventions: Object.fromEntries(Object.entries(comparison.conventions).map(([key, value]) => [snakeCase(key), value])),
    segments: comparison.structures.map(({ a, b, matchedBy, agreement, lesions }) => ({
      label: a.label,
      code: typeCode(a),
      matched_by: matchedBy,
      a: { number: a.number, label: a.label, voxels: agreement.a.voxels, volume_ml: agreement.a.volumeMl },
      b: { number: b.number, label: b.label, voxels: agreement.b.voxels, volume_ml: agreement.b.volumeMl },
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
      },
    })),
    unmatched: comparison.unmatched.map(({ side, segment }) => ({ side, number: segment.number, label: segment.label, code: typeCode(segment) })),
  };
}
