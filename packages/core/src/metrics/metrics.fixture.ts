// Small grids, masks and a seeded random generator shared by the metrics tests.
import { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';

export function grid(columns: number, rows: number, slices: number, spacing: [number, number, number] = [1, 1, 1]): VoxelGrid {
  return { columns, rows, slices, spacing, origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1] };
}

/** Voxels i ∈ [i0, i0 + size[0]) etc. */
export function box(g: VoxelGrid, [i0, j0, k0]: [number, number, number], [ni, nj, nk]: [number, number, number]): BitMask {
  return BitMask.fromPredicate(g, (i, j, k) => i >= i0 && i < i0 + ni && j >= j0 && j < j0 + nj && k >= k0 && k < k0 + nk);
}

/** Voxels whose centre lies within `radius` (in voxels) of voxel `centre`. */
export function ball(g: VoxelGrid, [ci, cj, ck]: [number, number, number], radius: number): BitMask {
  return BitMask.fromPredicate(g, (i, j, k) => (i - ci) ** 2 + (j - cj) ** 2 + (k - ck) ** 2 <= radius * radius);
}

export function voxels(g: VoxelGrid, list: [number, number, number][]): BitMask {
  const mask = new BitMask(g);
  for (const [i, j, k] of list) mask.set(i + g.columns * (j + g.rows * k));
  return mask;
}

/** mulberry32: a small seeded generator, so random tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference percentile by sorting, numpy 'linear': independent of the selection code. */
export function sortedPercentile(values: number[], q: number): number {
  const s = [...values].sort((x, y) => x - y);
  const h = (s.length - 1) * (q / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** Surface voxels by the definition, one voxel at a time: [i, j, k] list. */
export function bruteSurface(mask: BitMask): [number, number, number][] {
  const { columns, rows, slices } = mask.grid;
  const at = (i: number, j: number, k: number) =>
    i >= 0 && j >= 0 && k >= 0 && i < columns && j < rows && k < slices && mask.get(i + columns * (j + rows * k));
  const out: [number, number, number][] = [];
  for (let k = 0; k < slices; k++)
    for (let j = 0; j < rows; j++)
      for (let i = 0; i < columns; i++) {
        if (!at(i, j, k)) continue;
        const faces = [at(i - 1, j, k), at(i + 1, j, k), at(i, j - 1, k), at(i, j + 1, k), at(i, j, k - 1), at(i, j, k + 1)];
        if (faces.some((f) => !f)) out.push([i, j, k]);
      }
  return out;
}

/** Directed distances by brute force, O(|from|·|to|). */
export function bruteDirected(from: [number, number, number][], to: [number, number, number][], [sx, sy, sz]: readonly number[]): number[] {
  return from.map(([i, j, k]) => Math.min(...to.map(([p, q, r]) => Math.hypot((i - p) * sx, (j - q) * sy, (k - r) * sz))));
}
