// Run-based labelling against the definition: hand-made neighbour cases for 6/18/26 and random
// masks against a voxel-by-voxel flood fill.
import { BitMask } from '../volume/BitMask';
import { componentsOfAtLeast, connectedComponents, type Connectivity } from './connectedComponents';
import { maskRuns } from './maskRuns';
import { MetricInputError } from './MetricInputError';
import { box, grid, seededRandom, voxels } from './metrics.fixture';

describe('two voxels touching at a corner, (2,2,2) and (3,3,3)', () => {
  const g = grid(6, 6, 6);
  const mask = voxels(g, [[2, 2, 2], [3, 3, 3]]);
  it('26-connectivity: one component', () => expect(connectedComponents(mask).count).toBe(1));
  it('18- and 6-connectivity: two', () => {
    expect(connectedComponents(mask, 18).count).toBe(2);
    expect(connectedComponents(mask, 6).count).toBe(2);
  });
});

test.each([
  ['face, along x', [[1, 1, 1], [2, 1, 1]], 1, 1, 1],
  ['face, along z', [[1, 1, 1], [1, 1, 2]], 1, 1, 1],
  ['edge, in-plane diagonal', [[1, 1, 1], [2, 2, 1]], 2, 1, 1],
  ['edge, x–z diagonal', [[2, 1, 1], [1, 1, 2]], 2, 1, 1],
  ['corner', [[1, 1, 1], [2, 0, 2]], 2, 2, 1],
  ['gap of one voxel', [[1, 1, 1], [3, 1, 1]], 2, 2, 2],
] as [string, [number, number, number][], number, number, number][])('%s: components with 6 / 18 / 26 = %i / %i / %i', (_, list, six, eighteen, twentySix) => {
  const mask = voxels(grid(5, 4, 4), list);
  expect([6, 18, 26].map((c) => connectedComponents(mask, c as Connectivity).count)).toEqual([six, eighteen, twentySix]);
});

test('components are numbered in raster order, with their voxels and bounding boxes', () => {
  const g = grid(12, 10, 8, [1, 1, 2]);
  const mask = box(g, [6, 5, 4], [3, 2, 2]);
  for (const i of box(g, [1, 1, 1], [2, 2, 2]).indices()) mask.set(i);
  const c = connectedComponents(mask);
  expect(c.count).toBe(2);
  expect(Array.from(c.voxels)).toEqual([8, 12]);
  expect(c.boxes[1]).toEqual({ iMin: 6, jMin: 5, kMin: 4, iMax: 8, jMax: 6, kMax: 5 });
});

test('runs are cut at row ends and follow words across boundaries', () => {
  const g = grid(20, 3, 2);
  const mask = box(g, [0, 0, 0], [20, 3, 2]);
  const runs = maskRuns(mask);
  expect(runs.length).toBe(6);
  expect([runs.row[5], runs.start[5], runs.end[5]]).toEqual([5, 0, 19]);
  const sparse = voxels(grid(70, 1, 1), [[30, 0, 0], [31, 0, 0], [32, 0, 0], [40, 0, 0], [63, 0, 0], [64, 0, 0], [69, 0, 0]]);
  const r = maskRuns(sparse);
  expect(Array.from({ length: r.length }, (_, n) => [r.start[n], r.end[n]])).toEqual([[30, 32], [40, 40], [63, 64], [69, 69]]);
});

/** Flood fill, voxel by voxel, for reference. */
function floodCount(mask: BitMask, connectivity: Connectivity): number {
  const { columns, rows, slices } = mask.grid;
  const seen = new Uint8Array(columns * rows * slices);
  const steps: number[][] = [];
  for (let dk = -1; dk <= 1; dk++)
    for (let dj = -1; dj <= 1; dj++)
      for (let di = -1; di <= 1; di++) {
        const order = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
        if (order > 0 && (order === 1 || (order === 2 && connectivity >= 18) || (order === 3 && connectivity === 26))) steps.push([di, dj, dk]);
      }
  let count = 0;
  for (const seed of mask.indices()) {
    if (seen[seed]) continue;
    count++;
    const stack = [seed];
    seen[seed] = 1;
    while (stack.length) {
      const n = stack.pop()!;
      const i = n % columns;
      const j = Math.floor(n / columns) % rows;
      const k = Math.floor(n / (columns * rows));
      for (const [di, dj, dk] of steps) {
        const [x, y, z] = [i + di, j + dj, k + dk];
        if (x < 0 || y < 0 || z < 0 || x >= columns || y >= rows || z >= slices) continue;
        const m = x + columns * (y + rows * z);
        if (!seen[m] && mask.get(m)) {
          seen[m] = 1;
          stack.push(m);
        }
      }
    }
  }
  return count;
}

test.each([1, 2, 3, 4, 5])('random sparse masks (seed %i): counts and voxels equal a flood fill', (seed) => {
  const random = seededRandom(seed);
  const g = grid(17 + seed * 4, 9, 7);
  const mask = BitMask.fromPredicate(g, () => random() < 0.18);
  for (const connectivity of [6, 18, 26] as Connectivity[]) {
    const c = connectedComponents(mask, connectivity);
    expect(c.count).toBe(floodCount(mask, connectivity));
    expect(c.voxels.reduce((s, v) => s + v, 0)).toBe(mask.count());
  }
});

test('an empty mask has no components; an unknown connectivity is a typed error', () => {
  expect(connectedComponents(new BitMask(grid(4, 4, 4))).count).toBe(0);
  expect(() => connectedComponents(new BitMask(grid(4, 4, 4)), 8 as Connectivity)).toThrow(MetricInputError);
});

// Issue 14: components below the lesion minimum are dropped before overlaps and matching.
test('componentsOfAtLeast keeps the components of at least n voxels, renumbered in raster order, with their runs only', () => {
  const g = grid(12, 6, 4);
  // In raster order: a 1-voxel island, a 2×2×2 cube (8), another island, a 3×1×1 bar (3).
  const mask = voxels(g, [[0, 0, 0], [10, 0, 0], [6, 0, 3], [7, 0, 3], [8, 0, 3]]);
  for (const [i, j, k] of [[2, 2, 0], [3, 2, 0], [2, 3, 0], [3, 3, 0], [2, 2, 1], [3, 2, 1], [2, 3, 1], [3, 3, 1]] as const) mask.set(i + 12 * (j + 6 * k));
  const all = connectedComponents(mask);
  expect(Array.from(all.voxels)).toEqual([1, 1, 8, 3]);
  const kept = componentsOfAtLeast(all, 3);
  expect([kept.count, Array.from(kept.voxels)]).toEqual([2, [8, 3]]);
  expect(kept.boxes).toEqual([all.boxes[2], all.boxes[3]]);
  expect(kept.runs.length).toBe(4 + 1);
  expect(Array.from(kept.runComponent)).toEqual([0, 0, 0, 0, 1]);
  expect(componentsOfAtLeast(all, 1)).toBe(all);
  expect(componentsOfAtLeast(all, 9).count).toBe(0);
});
