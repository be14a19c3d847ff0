// The fast path (word-wise surfaces, nearest-first neighbour probing, k-d tree fallback) must give
// exactly what the definition gives voxel by voxel: cross-checked on random masks against O(n²)
// brute force, with and without the fallback, on grids whose rows straddle words.
import { BitMask } from '../volume/BitMask';
import { assd } from './assd';
import { hausdorff } from './hausdorff';
import { hd95 } from './hd95';
import { bruteDirected, bruteSurface, grid, seededRandom, sortedPercentile } from './metrics.fixture';
import { nsd } from './nsd';
import { surfaceDistances } from './surfaceDistances';

function randomBlobs(g: ReturnType<typeof grid>, random: () => number, blobs: number): BitMask {
  const centres = Array.from({ length: blobs }, () => [random() * g.columns, random() * g.rows, random() * g.slices, 1 + random() * 4]);
  // Blobs plus salt: isolated voxels and ragged edges make many small surfaces.
  return BitMask.fromPredicate(g, (i, j, k) => random() < 0.03 || centres.some(([x, y, z, r]) => (i - x) ** 2 + (j - y) ** 2 + (k - z) ** 2 <= r * r));
}

describe.each([
  ['default neighbour ball', {}],
  ['k-d tree beyond the face neighbours', { neighbourBallVoxels: 1 }],
  ['small ball, mixed paths', { neighbourBallVoxels: 30 }],
])('random masks vs brute force (%s)', (_, search) => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    const random = seededRandom(seed);
    const spacing: [number, number, number] = [0.7, 0.9 + random(), 1.6];
    const g = grid(13 + seed * 5, 11, 9, spacing);
    const a = randomBlobs(g, random, 3);
    const b = randomBlobs(g, random, 2);
    const surfaceA = bruteSurface(a);
    const surfaceB = bruteSurface(b);
    const aToB = bruteDirected(surfaceA, surfaceB, spacing);
    const bToA = bruteDirected(surfaceB, surfaceA, spacing);
    const pooled = [...aToB, ...bToA];

    const d = surfaceDistances(a, b, search)!;
    expect(Array.from(d.aToB)).toHaveLength(surfaceA.length);
    d.aToB.forEach((v, n) => expect(v).toBeCloseTo(aToB[n], 12));
    d.bToA.forEach((v, n) => expect(v).toBeCloseTo(bToA[n], 12));
    expect(hausdorff(d)).toBeCloseTo(Math.max(...pooled), 12);
    expect(hd95(d)).toBeCloseTo(sortedPercentile(pooled, 95), 12);
    expect(hd95(d, 'directed-max')).toBeCloseTo(Math.max(sortedPercentile(aToB, 95), sortedPercentile(bToA, 95)), 12);
    expect(assd(d)).toBeCloseTo(pooled.reduce((s, v) => s + v, 0) / pooled.length, 12);
    for (const tau of [0.5, 1, 2, 3.3]) expect(nsd(d, tau)).toBeCloseTo(pooled.filter((v) => v <= tau).length / pooled.length, 14);
  });
});

test('distances are null when either surface is empty', () => {
  const g = grid(5, 5, 5);
  const one = new BitMask(g);
  one.set(62);
  expect(surfaceDistances(one, new BitMask(g))).toBeNull();
  expect(surfaceDistances(new BitMask(g), one)).toBeNull();
  expect(surfaceDistances(new BitMask(g), new BitMask(g))).toBeNull();
});

test('metrics of no distances are null, and the caller’s lists are left as they were', () => {
  expect([hausdorff(null), hd95(null), assd(null), nsd(null, 1)]).toEqual([null, null, null, null]);
  const d = { aToB: Float64Array.of(3, 1, 2), bToA: Float64Array.of(5, 0) };
  hd95(d);
  hd95(d, 'directed-max');
  expect([Array.from(d.aToB), Array.from(d.bToA)]).toEqual([[3, 1, 2], [5, 0]]);
});
