import type { BitMask } from '../volume/BitMask';
import { boundingBox } from './boundingBox';
import { countBits } from './countBits';
import { NearestVoxel } from './kdTree';
import { neighbourOffsets, type NeighbourOffsets } from './neighbourOffsets';
import { cropToPaddedBox, paddedBox, type PaddedBox } from './paddedBox';
import { assertSameGrid } from './sameGrid';
import { surfaceWords } from './surface';

const { clz32, sqrt } = Math;

/**
 * The directed surface distances of two masks: for every surface voxel of A (raster order) the
 * exact Euclidean distance in mm, between voxel centres with the grid's anisotropic spacing, to
 * the nearest surface voxel of B; and the same from B to A. HD, HD95, ASSD and NSD are functions
 * of these two lists.
 */
export interface SurfaceDistances {
  aToB: Float64Array;
  bToA: Float64Array;
}

/** Tuning of the nearest-surface search (exact either way; tests use it to force the k-d tree). */
export interface SurfaceSearchOptions {
  /** Voxels in the neighbour ball probed before falling back to the k-d tree (default 1000). */
  neighbourBallVoxels?: number;
}

/**
 * Surface distances of two masks on one grid, or null when either surface is empty (then the
 * distances are undefined, DESIGN.md "Metric conventions"). Works in the union's bounding box.
 */
export function surfaceDistances(a: BitMask, b: BitMask, options: SurfaceSearchOptions = {}): SurfaceDistances | null {
  assertSameGrid(a, b);
  const box = boundingBox(a, b);
  if (!box) return null;
  const search = neighbourOffsets(a.grid.spacing, options.neighbourBallVoxels);
  const layout = paddedBox(box, search.reach);
  const surfaceA = surfaceWords(cropToPaddedBox(a, layout), layout);
  const surfaceB = surfaceWords(cropToPaddedBox(b, layout), layout);
  return surfaceDistancesInBox(surfaceA, surfaceB, layout, a.grid.spacing, search);
}

/**
 * The kernel: surface bitsets of A and B in one layout whose margin covers `search.reach`.
 * Each surface voxel probes the other surface at the ball's offsets, nearest first: the first
 * hit is the exact nearest distance. With annotations that agree to a few voxels that is a few
 * dozen probes; voxels with nothing in the ball ask a k-d tree of the other surface, built once
 * and only if needed. Cost ∝ surface voxels, not box voxels: no distance map is allocated.
 */
export function surfaceDistancesInBox(
  surfaceA: Uint32Array,
  surfaceB: Uint32Array,
  layout: PaddedBox,
  spacing: readonly [number, number, number],
  search: NeighbourOffsets,
): SurfaceDistances | null {
  const countA = countBits(surfaceA);
  const countB = countBits(surfaceB);
  if (countA === 0 || countB === 0) return null;
  return {
    aToB: directedDistances(surfaceA, countA, surfaceB, layout, spacing, search),
    bToA: directedDistances(surfaceB, countB, surfaceA, layout, spacing, search),
  };
}

function directedDistances(
  from: Uint32Array,
  fromCount: number,
  to: Uint32Array,
  layout: PaddedBox,
  spacing: readonly [number, number, number],
  search: NeighbourOffsets,
): Float64Array {
  const { wordsPerRow, height, depth, margin } = layout;
  const { di, distanceMm } = search;
  const probes = di.length;
  // Word distance of each offset's row; the column is added per probe (it decides word and bit).
  const rowDelta = new Int32Array(probes);
  for (let e = 0; e < probes; e++) rowDelta[e] = (search.dj[e] + search.dk[e] * height) * wordsPerRow;
  const out = new Float64Array(fromCount);
  // Voxels with nothing within the ball: resolved after the pass, all at once (see below).
  const far: number[] = [];
  const [sx, sy, sz] = spacing;
  let previousLowerBound = 0;
  const skipFrom = search.radiusMm / 2;
  let px = 0;
  let py = 0;
  let pz = 0;
  let n = 0;
  for (let z = margin[2]; z < depth - margin[2]; z++) {
    for (let y = margin[1]; y < height - margin[1]; y++) {
      const rowBase = (z * height + y) * wordsPerRow;
      for (let t = 0; t < wordsPerRow; t++) {
        let word = from[rowBase + t];
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          const x = t * 32 + 31 - clz32(low);
          // The distance to a surface moves by at most the step between voxels (triangle
          // inequality): no target lies nearer than the previous voxel's distance minus that
          // step, so those probes are skipped. Worth it only where distances are large, as along
          // stretches that find nothing in the ball.
          let e = 0;
          if (previousLowerBound > skipFrom) {
            const gx = (x - px) * sx;
            const gy = (y - py) * sy;
            const gz = (z - pz) * sz;
            const lowerBound = previousLowerBound - sqrt(gx * gx + gy * gy + gz * gz) - SAFETY_MM;
            if (lowerBound > 0) e = firstOffsetBeyond(distanceMm, lowerBound);
          }
          for (; e < probes; e++) {
            const xx = x + di[e];
            if ((to[rowBase + rowDelta[e] + (xx >>> 5)] >>> (xx & 31)) & 1) break;
          }
          if (e < probes) {
            out[n] = previousLowerBound = distanceMm[e];
          } else {
            far.push(n, x, y, z);
            previousLowerBound = search.radiusMm;
          }
          px = x;
          py = y;
          pz = z;
          n++;
        }
      }
    }
  }
  if (far.length > 0) resolveFar(far, out, to, layout, spacing);
  return out;
}

// Rounding allowance for the skip bound: offsets within 1 nm of it are probed anyway.
const SAFETY_MM = 1e-6;

/** Index of the first offset longer than `mm` (distances ascending; binary search). */
function firstOffsetBeyond(distanceMm: Float64Array, mm: number): number {
  let lo = 0;
  let hi = distanceMm.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (distanceMm[mid] <= mm) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Below this many far voxels a scan of the other surface per voxel beats building a k-d tree
// (a scan costs ~1.5 ns per surface voxel, a build ~100 ns per surface voxel).
const SCAN_MAX_QUERIES = 64;

/** Exact distances for the voxels beyond the ball: `far` holds (output index, x, y, z) quadruples. */
function resolveFar(far: number[], out: Float64Array, to: Uint32Array, layout: PaddedBox, spacing: readonly [number, number, number]): void {
  const points = surfacePoints(to, layout);
  const queries = far.length / 4;
  if (queries <= SCAN_MAX_QUERIES) {
    const [sx, sy, sz] = spacing;
    const { xs, ys, zs } = points;
    for (let q = 0; q < far.length; q += 4) {
      const x = far[q + 1];
      const y = far[q + 2];
      const z = far[q + 3];
      let best = Infinity;
      for (let p = 0; p < xs.length; p++) {
        // Same expression as the neighbour offsets' and the k-d tree's: identical distances.
        const di = x - xs[p];
        const dj = y - ys[p];
        const dk = z - zs[p];
        const d2 = di * sx * (di * sx) + dj * sy * (dj * sy) + dk * sz * (dk * sz);
        if (d2 < best) best = d2;
      }
      out[far[q]] = sqrt(best);
    }
    return;
  }
  const tree = new NearestVoxel(points.xs, points.ys, points.zs, spacing);
  for (let q = 0; q < far.length; q += 4) out[far[q]] = tree.distance(far[q + 1], far[q + 2], far[q + 3]);
}

/** Stored coordinates of the set voxels of `words`. */
function surfacePoints(words: Uint32Array, layout: PaddedBox): { xs: Int32Array; ys: Int32Array; zs: Int32Array } {
  const count = countBits(words);
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  const zs = new Int32Array(count);
  let n = 0;
  for (let z = 0; z < layout.depth; z++) {
    for (let y = 0; y < layout.height; y++) {
      const rowBase = (z * layout.height + y) * layout.wordsPerRow;
      for (let t = 0; t < layout.wordsPerRow; t++) {
        let word = words[rowBase + t];
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          xs[n] = t * 32 + 31 - clz32(low);
          ys[n] = y;
          zs[n++] = z;
        }
      }
    }
  }
  return { xs, ys, zs };
}
