import { BitMask } from '../volume/BitMask';
import { voxelCount } from '../volume/VoxelGrid';
import { ConsensusInputError } from './ConsensusInputError';

const clz32 = Math.clz32;

/** STAPLE's decision patterns are 32-bit codes, one bit per rater. */
export const MAX_PATTERN_RATERS = 31;
/** Up to 2^16 patterns a dense table is cheaper than a Map. */
const DENSE_LIMIT = 16;

/**
 * The raters' decisions over a region as a histogram of patterns: pattern bit j is set when rater j
 * marked the voxel. Voxels that some rater marked are visited one by one (only those: the grid may be
 * 78 M voxels); the region's voxels nobody marked are counted at once as pattern 0.
 */
export interface RaterPatternCounts {
  raters: number;
  /** Distinct patterns, ascending; pattern 0 (consensus background) first when the region has any. */
  patterns: Uint32Array;
  /** Voxels with each pattern. */
  counts: Float64Array;
  /** Voxels in the region (the whole grid when there is none). */
  regionVoxels: number;
  /** Region voxels marked by at least one rater. */
  unionVoxels: number;
}

function checkRaterCount(n: number): void {
  if (n > MAX_PATTERN_RATERS) throw new ConsensusInputError('masks', `at most ${MAX_PATTERN_RATERS} raters, got ${n}`);
}

/** Calls visit(word, bit, pattern) for every region voxel marked by at least one rater. */
function forEachMarkedVoxel(
  masks: readonly BitMask[],
  region: BitMask | undefined,
  visit: (word: number, bit: number, pattern: number) => void,
): void {
  const n = masks.length;
  const sources = masks.map((mask) => mask.words);
  const regionWords = region?.words;
  const local = new Int32Array(n);
  const wordCount = sources[0].length;
  for (let w = 0; w < wordCount; w++) {
    let union = 0;
    for (let j = 0; j < n; j++) union |= local[j] = sources[j][w];
    if (regionWords) union &= regionWords[w];
    while (union !== 0) {
      const low = union & -union;
      let pattern = 0;
      for (let j = 0; j < n; j++) if ((local[j] & low) !== 0) pattern |= 1 << j;
      visit(w, 31 - clz32(low), pattern >>> 0);
      union ^= low;
    }
  }
}

export function countRaterPatterns(masks: readonly BitMask[], region?: BitMask): RaterPatternCounts {
  const n = masks.length;
  checkRaterCount(n);
  const regionVoxels = region ? region.count() : voxelCount(masks[0].grid);
  let unionVoxels = 0;
  let patterns: number[];
  let counts: number[];
  if (n <= DENSE_LIMIT) {
    const table = new Float64Array(1 << n);
    forEachMarkedVoxel(masks, region, (_w, _b, pattern) => {
      table[pattern]++;
      unionVoxels++;
    });
    patterns = [];
    counts = [];
    table.forEach((count, pattern) => {
      if (count > 0) {
        patterns.push(pattern);
        counts.push(count);
      }
    });
  } else {
    const table = new Map<number, number>();
    forEachMarkedVoxel(masks, region, (_w, _b, pattern) => {
      table.set(pattern, (table.get(pattern) ?? 0) + 1);
      unionVoxels++;
    });
    patterns = [...table.keys()].sort((a, b) => a - b);
    counts = patterns.map((pattern) => table.get(pattern)!);
  }
  if (regionVoxels > unionVoxels) {
    patterns.unshift(0);
    counts.unshift(regionVoxels - unionVoxels);
  }
  return { raters: n, patterns: Uint32Array.from(patterns), counts: Float64Array.from(counts), regionVoxels, unionVoxels };
}

/**
 * The mask of region voxels whose pattern is accepted: marked voxels by their pattern, and all the
 * region's unmarked voxels when pattern 0 is accepted.
 */
export function selectPatterns(masks: readonly BitMask[], region: BitMask | undefined, accepted: ReadonlySet<number>): BitMask {
  checkRaterCount(masks.length);
  const grid = masks[0].grid;
  const selected = new BitMask(grid);
  const out = selected.words;
  forEachMarkedVoxel(masks, region, (w, bit, pattern) => {
    if (accepted.has(pattern)) out[w] |= 1 << bit;
  });
  if (accepted.has(0)) {
    // region (or the whole grid) minus the union of the masks
    const total = voxelCount(grid);
    for (let w = 0; w < out.length; w++) {
      let union = 0;
      for (const mask of masks) union |= mask.words[w];
      const inGrid = w < out.length - 1 || total % 32 === 0 ? -1 : (1 << (total % 32)) - 1;
      out[w] |= ~union & (region ? region.words[w] : inGrid);
    }
  }
  return selected;
}
