// Discrepancy maps on masks whose overlap and regions can be counted by hand, and on random masks
// checked against a voxel-by-voxel flood fill (26-connectivity).
import { box, grid, seededRandom } from '../metrics/metrics.fixture';
import { BitMask } from '../volume/BitMask';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import type { VoxelGrid } from '../volume/VoxelGrid';
import { discrepancyMap, type DiscrepancyRegion } from './discrepancyMap';
import { union } from './review.fixture';

const at = (g: VoxelGrid, i: number, j: number, k: number) => i + g.columns * (j + g.rows * k);

describe('two 4×4×4 cubes offset by one voxel along each axis', () => {
  // A = [0,4)³, B = [1,5)³: both = [1,4)³ = 27, A only = 64 − 27 = 37, B only = 37. The two
  // crescents touch along edges (A-only (0,3,k) and B-only (1,4,k)), so they are one mixed region.
  const g = grid(6, 6, 6);
  const map = discrepancyMap(box(g, [0, 0, 0], [4, 4, 4]), box(g, [1, 1, 1], [4, 4, 4]));

  test('counts are exact', () => {
    expect(map.counts).toEqual({ both: 27, aOnly: 37, bOnly: 37 });
    const histogram = [0, 0, 0, 0];
    for (const label of map.labels) histogram[label]++;
    expect(histogram).toEqual([216 - 27 - 74, 27, 37, 37]);
  });

  test('labels voxel by voxel: (0,0,0) A only, (2,2,2) both, (4,4,4) B only, (0,4,1) and (5,5,5) neither', () => {
    expect(map.labels.length).toBe(216);
    expect(map.labels[at(g, 0, 0, 0)]).toBe(2);
    expect(map.labels[at(g, 2, 2, 2)]).toBe(1);
    expect(map.labels[at(g, 4, 4, 4)]).toBe(3);
    expect(map.labels[at(g, 0, 4, 1)]).toBe(0);
    expect(map.labels[at(g, 5, 5, 5)]).toBe(0);
  });

  test('one mixed region of 74 voxels, centred at (2,2,2) by symmetry, box [0,4]³', () => {
    expect(map.regions).toHaveLength(1);
    expect(map.regions[0]).toEqual({
      voxels: 74, aOnlyVoxels: 37, bOnlyVoxels: 37, kind: 'mixed', centroidVoxel: [2, 2, 2],
      // Per slice: 16 (A's bottom face), 7 + 7, 7 + 7, 7 + 7, 16 (B's top face): the tie goes to the lowest k.
      largestSlice: 0,
      boundingBox: { iMin: 0, jMin: 0, kMin: 0, iMax: 4, jMax: 4, kMax: 4 },
    });
  });
});

describe('two disjoint blobs of different sizes', () => {
  // A only: a 3×3 square at k = 3 with a 1×1×2 stalk above it: 11 voxels, most on slice 3.
  // B only: a pyramid of 1, 2×2 and 3×3 voxels on slices 10, 11, 12: 14 voxels, most on slice 12.
  const g = grid(12, 12, 20);
  const a = union(box(g, [1, 1, 3], [3, 3, 1]), box(g, [2, 2, 4], [1, 1, 2]));
  const b = union(box(g, [8, 8, 10], [1, 1, 1]), box(g, [7, 7, 11], [2, 2, 1]), box(g, [7, 7, 12], [3, 3, 1]));
  const map = discrepancyMap(a, b);

  test('counts', () => expect(map.counts).toEqual({ both: 0, aOnly: 11, bOnly: 14 }));

  test('the larger (B only, 14) comes first; each with its largest slice, centroid and box', () => {
    expect(map.regions).toEqual<DiscrepancyRegion[]>([
      {
        // i, j: (8 + 2·15 + 3·24) / 14 = 110/14 ≈ 7.86 → 8; k: (10 + 4·11 + 9·12) / 14 = 162/14 ≈ 11.57 → 12
        voxels: 14, aOnlyVoxels: 0, bOnlyVoxels: 14, kind: 'b-only', centroidVoxel: [8, 8, 12], largestSlice: 12,
        boundingBox: { iMin: 7, jMin: 7, kMin: 10, iMax: 9, jMax: 9, kMax: 12 },
      },
      {
        // k: (9·3 + 4 + 5) / 11 = 36/11 ≈ 3.27 → 3
        voxels: 11, aOnlyVoxels: 11, bOnlyVoxels: 0, kind: 'a-only', centroidVoxel: [2, 2, 3], largestSlice: 3,
        boundingBox: { iMin: 1, jMin: 1, kMin: 3, iMax: 3, jMax: 3, kMax: 5 },
      },
    ]);
  });
});

test('regions of equal size come in raster order of their first voxel (lowest k first)', () => {
  const g = grid(10, 10, 14);
  const map = discrepancyMap(box(g, [1, 1, 10], [2, 2, 2]), box(g, [6, 6, 2], [2, 2, 2]));
  expect(map.regions.map((r) => [r.kind, r.voxels, r.largestSlice])).toEqual([['b-only', 8, 2], ['a-only', 8, 10]]);
});

test('identical masks: everything is "both", no region', () => {
  const g = grid(7, 5, 3);
  const a = box(g, [1, 1, 0], [4, 3, 3]);
  const map = discrepancyMap(a, box(g, [1, 1, 0], [4, 3, 3]));
  expect(map.counts).toEqual({ both: 36, aOnly: 0, bOnly: 0 });
  expect(map.regions).toEqual([]);
  expect(map.labels.filter((label) => label === 1).length).toBe(36);
  expect(map.labels.filter((label) => label > 1).length).toBe(0);
});

test('two empty masks: nothing', () => {
  const g = grid(3, 3, 3);
  const map = discrepancyMap(new BitMask(g), new BitMask(g));
  expect(map.counts).toEqual({ both: 0, aOnly: 0, bOnly: 0 });
  expect(map.regions).toEqual([]);
  expect(map.labels.every((label) => label === 0)).toBe(true);
});

test('masks on different grids are refused with a GeometryMismatchError', () => {
  expect(() => discrepancyMap(new BitMask(grid(3, 3, 3)), new BitMask(grid(3, 3, 4)))).toThrow(GeometryMismatchError);
});

/** Regions by the definition: flood fill of A xor B over the 26 neighbours, one voxel at a time. */
function bruteRegions(a: BitMask, b: BitMask): Array<Omit<DiscrepancyRegion, 'kind'>> {
  const g = a.grid;
  const { columns, rows, slices } = g;
  const seen = new Uint8Array(columns * rows * slices);
  const regions: Array<Omit<DiscrepancyRegion, 'kind'> & { first: number }> = [];
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || a.get(start) === b.get(start)) continue;
    const stack = [start];
    seen[start] = 1;
    const members: number[] = [];
    while (stack.length) {
      const n = stack.pop()!;
      members.push(n);
      const [i, j, k] = [n % columns, Math.floor(n / columns) % rows, Math.floor(n / (columns * rows))];
      for (let dk = -1; dk <= 1; dk++) for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
        const [x, y, z] = [i + di, j + dj, k + dk];
        if (x < 0 || y < 0 || z < 0 || x >= columns || y >= rows || z >= slices) continue;
        const m = at(g, x, y, z);
        if (!seen[m] && a.get(m) !== b.get(m)) {
          seen[m] = 1;
          stack.push(m);
        }
      }
    }
    const coords = members.map((n) => [n % columns, Math.floor(n / columns) % rows, Math.floor(n / (columns * rows))]);
    const perSlice = new Array<number>(slices).fill(0);
    coords.forEach(([, , k]) => perSlice[k]++);
    const aOnly = members.filter((n) => a.get(n)).length;
    const mean = (axis: number) => Math.round(coords.reduce((s, c) => s + c[axis], 0) / members.length);
    const min = (axis: number) => Math.min(...coords.map((c) => c[axis]));
    const max = (axis: number) => Math.max(...coords.map((c) => c[axis]));
    regions.push({
      first: start, voxels: members.length, aOnlyVoxels: aOnly, bOnlyVoxels: members.length - aOnly,
      centroidVoxel: [mean(0), mean(1), mean(2)], largestSlice: perSlice.indexOf(Math.max(...perSlice)),
      boundingBox: { iMin: min(0), jMin: min(1), kMin: min(2), iMax: max(0), jMax: max(1), kMax: max(2) },
    });
  }
  return regions.sort((p, q) => q.voxels - p.voxels || p.first - q.first).map(({ first: _, ...region }) => region);
}

test.each([1, 2, 3])('random sparse masks (seed %i) on a 37×9×6 grid (rows cross word ends): same regions as a flood fill', (seed) => {
  const g = grid(37, 9, 6);
  const random = seededRandom(seed);
  const a = BitMask.fromPredicate(g, () => random() < 0.12);
  const b = BitMask.fromPredicate(g, () => random() < 0.12);
  const map = discrepancyMap(a, b);
  expect(map.regions.map(({ kind: _, ...region }) => region)).toEqual(bruteRegions(a, b));
  for (const region of map.regions) {
    expect(region.kind).toBe(region.bOnlyVoxels === 0 ? 'a-only' : region.aOnlyVoxels === 0 ? 'b-only' : 'mixed');
  }
  let [both, aOnly, bOnly] = [0, 0, 0];
  for (let n = 0; n < 37 * 9 * 6; n++) {
    const expected = a.get(n) && b.get(n) ? 1 : a.get(n) ? 2 : b.get(n) ? 3 : 0;
    expect(map.labels[n]).toBe(expected);
    if (expected === 1) both++;
    if (expected === 2) aOnly++;
    if (expected === 3) bOnly++;
  }
  expect(map.counts).toEqual({ both, aOnly, bOnly });
});

// Issue 14: a region of disagreement smaller than the SOP structure's minLesionSize is no region to walk to.
describe('minimum lesion size 3 mm on 1 mm voxels (15 voxels)', () => {
  // Shared 3×3×3 nodule; A adds a 1-voxel island, B another island and a 3×5×1 component (15 voxels, d 3.06 mm).
  const g = grid(20, 20, 6);
  const nodule = box(g, [2, 2, 2], [3, 3, 3]);
  const a = union(nodule, box(g, [10, 2, 2], [1, 1, 1]));
  const b = union(nodule, box(g, [2, 12, 4], [1, 1, 1]), box(g, [12, 12, 1], [3, 5, 1]));

  test('only the 15-voxel component is a region; the islands stay on the overlay and are counted as small', () => {
    const map = discrepancyMap(a, b, { minLesionSize: { diameterMm: 3 } });
    expect(map.regions.map((r) => [r.kind, r.voxels, r.largestSlice])).toEqual([['b-only', 15, 1]]);
    expect(map.smallRegions).toBe(2);
    expect(map.counts).toEqual({ both: 27, aOnly: 1, bOnly: 16 });
    expect(map.labels[at(g, 10, 2, 2)]).toBe(2);
  });

  test('without a minimum every region is listed, largest first, ties in raster order', () => {
    const map = discrepancyMap(a, b);
    expect(map.regions.map((r) => [r.kind, r.voxels])).toEqual([['b-only', 15], ['a-only', 1], ['b-only', 1]]);
    expect(map.smallRegions).toBe(0);
  });
});
