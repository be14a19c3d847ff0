import type { LesionOverlap } from './lesionOverlaps';

/** Which lesions of A and of B overlap a lesion of the other, and the one-to-one matches. */
export interface LesionMatching {
  /** Per lesion of A: does it overlap any lesion of B (detected by B)? */
  aOverlapped: boolean[];
  bOverlapped: boolean[];
  /** One-to-one matched pairs, in decreasing order of overlap. */
  matches: LesionOverlap[];
}

/**
 * Matches lesions of A and B by overlap.
 *
 * Detection: a lesion is detected when it overlaps any lesion of the other annotator (one voxel
 * in common is enough).
 *
 * One-to-one matching, greedy by greatest overlap: every overlapping pair in decreasing order of
 * shared voxels (ties: lower A lesion number, then lower B number — numbers are raster order, so
 * the result is reproducible), a pair is matched when neither of its lesions is matched yet. A
 * lesion that the other annotator drew as two is matched to the part it shares most voxels with;
 * the other part is detected (it overlaps) but unmatched, and counts as a false positive / false
 * negative in the lesion-wise F1. Merges are handled the same way.
 */
export function matchLesions(overlaps: readonly LesionOverlap[], countA: number, countB: number): LesionMatching {
  const aOverlapped = new Array<boolean>(countA).fill(false);
  const bOverlapped = new Array<boolean>(countB).fill(false);
  for (const o of overlaps) {
    aOverlapped[o.a] = true;
    bOverlapped[o.b] = true;
  }
  const aMatched = new Array<boolean>(countA).fill(false);
  const bMatched = new Array<boolean>(countB).fill(false);
  const matches: LesionOverlap[] = [];
  const byOverlap = [...overlaps].sort((x, y) => y.voxels - x.voxels || x.a - y.a || x.b - y.b);
  for (const o of byOverlap) {
    if (aMatched[o.a] || bMatched[o.b]) continue;
    aMatched[o.a] = true;
    bMatched[o.b] = true;
    matches.push(o);
  }
  return { aOverlapped, bOverlapped, matches };
}
