import type { VoxelBox } from '../metrics/boundingBox';
import { connectedComponents } from '../metrics/connectedComponents';
import { minLesionVoxels, type LesionSize } from '../metrics/lesionSize';
import { assertSameGrid } from '../metrics/sameGrid';
import { BitMask, popcount32 } from '../volume/BitMask';
import { voxelCount } from '../volume/VoxelGrid';
import { DISCREPANCY_CLASS } from './discrepancyClasses';

export type DiscrepancyRegionKind = 'a-only' | 'b-only' | 'mixed';

/** One 26-connected region where the annotations disagree (A xor B). */
export interface DiscrepancyRegion {
  voxels: number;
  aOnlyVoxels: number;
  bOnlyVoxels: number;
  /** 'mixed' when the region holds voxels of both kinds (e.g. the two crescents of a shifted outline, touching). */
  kind: DiscrepancyRegionKind;
  /** Mean voxel position, each index rounded; may lie outside a region that is not convex (use largestSlice to land on it). */
  centroidVoxel: [number, number, number];
  /** The slice k holding most of the region's voxels; the lowest such k on a tie. */
  largestSlice: number;
  boundingBox: VoxelBox;
}

export interface DiscrepancyMap {
  /** Per voxel, grid order: 0 neither, 1 both, 2 A only, 3 B only (DISCREPANCY_CLASSES). */
  labels: Uint8Array;
  counts: { both: number; aOnly: number; bOnly: number };
  /**
   * Largest first; regions of equal size in raster order of their first voxel (lowest k, then j,
   * then i), so the order is reproducible.
   */
  regions: DiscrepancyRegion[];
  /** Regions of disagreement smaller than the minimum lesion size: on the overlay (labels, counts), not in `regions`. */
  smallRegions: number;
}

export interface DiscrepancyMapOptions {
  /**
   * The smallest region listed, by the lesion rule (lesionSize.ts; the SOP structure's
   * minLesionSize, PairStructureReview.minLesionSize): a region of A xor B smaller than it is
   * no discrepancy to walk to. Default none: every region.
   */
  minLesionSize?: LesionSize | null;
}

const BOTH = DISCREPANCY_CLASS.both.value;
const A_ONLY = DISCREPANCY_CLASS['a-only'].value;
const B_ONLY = DISCREPANCY_CLASS['b-only'].value;

/**
 * Where two masks of one structure agree and where they do not: a label per voxel for the overlay,
 * the voxel counts, and the regions of disagreement (26-connected, the lesion convention) of at
 * least the minimum lesion size with where to look at each. Word by word: only words that either
 * mask sets are visited.
 */
export function discrepancyMap(a: BitMask, b: BitMask, options: DiscrepancyMapOptions = {}): DiscrepancyMap {
  assertSameGrid(a, b);
  const minVoxels = minLesionVoxels(options.minLesionSize, a.grid);
  const grid = a.grid;
  const labels = new Uint8Array(voxelCount(grid));
  const wa = a.words;
  const wb = b.words;
  const disagreement = new BitMask(grid);
  const xor = disagreement.words;
  let both = 0;
  let aOnly = 0;
  let bOnly = 0;
  for (let w = 0; w < wa.length; w++) {
    const x = wa[w];
    const y = wb[w];
    if ((x | y) === 0) continue;
    const inBoth = x & y;
    xor[w] = x ^ y;
    both += popcount32(inBoth);
    aOnly += popcount32(x & ~y);
    bOnly += popcount32(y & ~x);
    let word = x | y;
    while (word !== 0) {
      const low = word & -word;
      const index = w * 32 + (31 - Math.clz32(low));
      labels[index] = inBoth & low ? BOTH : x & low ? A_ONLY : B_ONLY;
      word ^= low;
    }
  }
  const all = disagreementRegions(disagreement, a);
  const regions = all.filter((region) => region.voxels >= minVoxels);
  return { labels, counts: { both, aOnly, bOnly }, regions, smallRegions: all.length - regions.length };
}

/** The components of A xor B, measured run by run; a disagreeing voxel is A-only exactly when A has it. */
function disagreementRegions(disagreement: BitMask, a: BitMask): DiscrepancyRegion[] {
  const components = connectedComponents(disagreement, 26);
  const { count, runs, runComponent, boxes } = components;
  const { columns, rows } = disagreement.grid;
  const sums = new Float64Array(3 * count);
  const aVoxels = new Float64Array(count);
  // Voxels per slice of each component's box: component c's slice k at sliceStart[c] + k − kMin.
  const sliceStart = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) sliceStart[c + 1] = sliceStart[c] + boxes[c].kMax - boxes[c].kMin + 1;
  const perSlice = new Float64Array(sliceStart[count]);
  for (let n = 0; n < runs.length; n++) {
    const c = runComponent[n];
    const j = runs.row[n] % rows;
    const k = (runs.row[n] - j) / rows;
    const length = runs.end[n] - runs.start[n] + 1;
    sums[3 * c] += (length * (runs.start[n] + runs.end[n])) / 2;
    sums[3 * c + 1] += length * j;
    sums[3 * c + 2] += length * k;
    perSlice[sliceStart[c] + k - boxes[c].kMin] += length;
    const rowBase = runs.row[n] * columns;
    aVoxels[c] += bitsInRange(a.words, rowBase + runs.start[n], rowBase + runs.end[n]);
  }
  const regions = Array.from({ length: count }, (_, c): DiscrepancyRegion => {
    const voxels = components.voxels[c];
    let largest = 0;
    for (let s = 1; s < sliceStart[c + 1] - sliceStart[c]; s++) if (perSlice[sliceStart[c] + s] > perSlice[sliceStart[c] + largest]) largest = s;
    const aOnlyVoxels = aVoxels[c];
    const bOnlyVoxels = voxels - aOnlyVoxels;
    return {
      voxels, aOnlyVoxels, bOnlyVoxels,
      kind: bOnlyVoxels === 0 ? 'a-only' : aOnlyVoxels === 0 ? 'b-only' : 'mixed',
      centroidVoxel: [Math.round(sums[3 * c] / voxels), Math.round(sums[3 * c + 1] / voxels), Math.round(sums[3 * c + 2] / voxels)],
      largestSlice: boxes[c].kMin + largest,
      boundingBox: { ...boxes[c] },
    };
  });
  // Components are numbered in raster order of their first voxel, so a stable sort breaks ties by it.
  return regions.sort((p, q) => q.voxels - p.voxels);
}

/** Set bits of `words` at linear indices from…to (inclusive). */
function bitsInRange(words: Uint32Array, from: number, to: number): number {
  const first = from >>> 5;
  const last = to >>> 5;
  const lowMask = (-1 << (from & 31)) >>> 0; // bits ≥ from within its word
  const highMask = (to & 31) === 31 ? 0xffffffff : ((1 << ((to & 31) + 1)) - 1) >>> 0; // bits ≤ to
  if (first === last) return popcount32(words[first] & lowMask & highMask);
  let n = popcount32(words[first] & lowMask) + popcount32(words[last] & highMask);
  for (let w = first + 1; w < last; w++) n += popcount32(words[w]);
  return n;
}
