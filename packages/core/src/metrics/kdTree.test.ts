// The exact fallback: nearest distances against brute force, anisotropic.
import { NearestVoxel } from './kdTree';
import { seededRandom } from './metrics.fixture';

test('nearest distances equal brute force on random points', () => {
  const random = seededRandom(11);
  const n = 500;
  const coords = [0, 1, 2].map(() => Int32Array.from({ length: n }, () => Math.floor(random() * 60)));
  const spacing: [number, number, number] = [0.5, 0.8, 2.5];
  const tree = new NearestVoxel(coords[0], coords[1], coords[2], spacing);
  for (let q = 0; q < 200; q++) {
    const [x, y, z] = [0, 1, 2].map(() => Math.floor(random() * 80) - 10);
    let best = Infinity;
    for (let p = 0; p < n; p++) best = Math.min(best, Math.hypot((x - coords[0][p]) * 0.5, (y - coords[1][p]) * 0.8, (z - coords[2][p]) * 2.5));
    expect(tree.distance(x, y, z)).toBeCloseTo(best, 12);
  }
});

test('duplicate points and a single point', () => {
  const tree = new NearestVoxel(Int32Array.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), new Int32Array(10), new Int32Array(10), [1, 1, 1]);
  expect(tree.distance(0, 4, 0)).toBe(5);
  expect(new NearestVoxel(Int32Array.of(1), Int32Array.of(1), Int32Array.of(1), [2, 2, 2]).distance(1, 1, 4)).toBe(6);
  expect(new NearestVoxel(new Int32Array(0), new Int32Array(0), new Int32Array(0), [1, 1, 1]).distance(0, 0, 0)).toBe(Infinity);
});
