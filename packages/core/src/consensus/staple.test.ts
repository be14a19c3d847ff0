import { SeededRandom } from '../stats/SeededRandom';
import { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';
import { ConsensusInputError } from './ConsensusInputError';
import { majorityVote } from './majorityVote';
import { countRaterPatterns } from './raterPatterns';
import { staple } from './staple';

const cube = (size: number): VoxelGrid => ({
  columns: size, rows: size, slices: size, spacing: [1, 1, 1], origin: [0, 0, 0],
  rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
});
const ball = (g: VoxelGrid, radius: number) =>
  BitMask.fromPredicate(g, (i, j, k) => (i - 32) ** 2 + (j - 32) ** 2 + (k - 32) ** 2 <= radius * radius);

/** Voxels where two masks differ. */
function errors(a: BitMask, b: BitMask): number {
  let n = 0;
  for (let w = 0; w < a.words.length; w++) {
    let x = (a.words[w] ^ b.words[w]) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}

// A simulation in the manner of Warfield, Zou & Wells (2004): a known truth (a ball of radius 12 voxels in a
// 64³ grid, 7 153 voxels) and raters of known quality. Inside the region — the ball of radius 18
// around the same centre, 24 405 voxels — rater j keeps each truth voxel with probability p_j and
// marks each background voxel with probability 1 − q_j (independently, seeded); outside it nobody marks.
const TRUE_SENSITIVITY = [0.95, 0.9, 0.8, 0.7, 0.85];
const TRUE_SPECIFICITY = [0.97, 0.85, 0.95, 0.92, 0.9];

function simulate(seed: number) {
  const g = cube(64);
  const truth = ball(g, 12);
  const region = ball(g, 18);
  const random = new SeededRandom(seed);
  const raters = TRUE_SENSITIVITY.map((p, j) => {
    const q = TRUE_SPECIFICITY[j];
    const mask = new BitMask(g);
    for (const v of region.indices()) if (random.next() < (truth.get(v) ? p : 1 - q)) mask.set(v);
    return mask;
  });
  return { truth, region, raters };
}

test('STAPLE recovers the simulated raters\' sensitivity and specificity within ±0.02', () => {
  const { truth, region, raters } = simulate(2004);
  expect(truth.count()).toBe(7153);
  expect(region.count()).toBe(24405);
  const result = staple(raters, { region });
  expect(result.converged).toBe(true);
  expect(result.iterations).toBeLessThan(100);
  result.sensitivity.forEach((p, j) => expect(Math.abs(p! - TRUE_SENSITIVITY[j])).toBeLessThanOrEqual(0.02));
  result.specificity.forEach((q, j) => expect(Math.abs(q! - TRUE_SPECIFICITY[j])).toBeLessThanOrEqual(0.02));
  expect(result.voxels.region).toBe(24405);
  expect(result.voxels.consensusBackground).toBe(24405 - result.voxels.union);
});

test('the STAPLE consensus is closer to the truth than the majority vote and than every rater', () => {
  const { truth, region, raters } = simulate(2004);
  const stapleErrors = errors(staple(raters, { region }).consensus, truth);
  const majorityErrors = errors(majorityVote(raters).consensus, truth);
  expect(stapleErrors).toBeLessThan(majorityErrors);
  for (const rater of raters) expect(stapleErrors).toBeLessThan(errors(rater, truth));
});

// Why: the grid can be 78 M voxels, so the voxels nobody marked are counted as one pattern, never
// visited. Counting them must give exactly what visiting them would.
test('the consensus background is counted at once, exactly as if its voxels were visited', () => {
  const { raters } = simulate(2004);
  const g = raters[0].grid;
  const everything = BitMask.fromPredicate(g, () => true);
  const counted = staple(raters);
  const visited = staple(raters, { region: everything });
  expect(counted.voxels).toEqual(visited.voxels);
  expect(counted.voxels.region).toBe(64 ** 3);
  expect(counted.sensitivity).toEqual(visited.sensitivity);
  expect(counted.specificity).toEqual(visited.specificity);
  expect(Array.from(counted.consensus.words)).toEqual(Array.from(visited.consensus.words));
  const patterns = countRaterPatterns(raters);
  expect(patterns.patterns[0]).toBe(0);
  expect(patterns.counts[0]).toBe(64 ** 3 - patterns.unionVoxels);
});

test('the region decides what specificity means: the union alone excludes the consensus background', () => {
  const { region, raters } = simulate(2004);
  const inRegion = staple(raters, { region });
  const union = new BitMask(region.grid);
  for (const rater of raters) rater.words.forEach((word, w) => (union.words[w] |= word));
  const unionOnly = staple(raters, { region: union });
  expect(unionOnly.voxels.consensusBackground).toBe(0);
  expect(unionOnly.voxels.union).toBe(inRegion.voxels.union);
  // Without the voxels everybody left unmarked, every background voxel left is someone's error:
  // specificities drop well below the simulated ones.
  unionOnly.specificity.forEach((q, j) => expect(q!).toBeLessThan(TRUE_SPECIFICITY[j] - 0.05));
  // Over the whole grid the background errors, made only near the ball, are diluted: q_j → ~0.99+.
  staple(raters).specificity.forEach((q) => expect(q!).toBeGreaterThan(0.99));
});

test('identical raters: the consensus is their mask, sensitivity and specificity 1', () => {
  const g = cube(16);
  const mask = BitMask.fromPredicate(g, (i, j, k) => i < 5 && j < 6 && k < 7);
  const result = staple([mask, mask, mask]);
  expect(Array.from(result.consensus.words)).toEqual(Array.from(mask.words));
  result.sensitivity.forEach((p) => expect(p).toBeCloseTo(1, 9));
  result.specificity.forEach((q) => expect(q).toBeCloseTo(1, 9));
  expect(result.prior).toBeCloseTo(210 / 4096, 15);
});

test('raters that all marked nothing: empty consensus, sensitivity undefined (null)', () => {
  const g = cube(8);
  const result = staple([new BitMask(g), new BitMask(g)]);
  expect(result.consensus.count()).toBe(0);
  expect(result.sensitivity).toEqual([null, null]);
  expect(result.specificity).toEqual([1, 1]);
});

test('bad options and mismatched grids are typed errors', () => {
  const g = cube(8);
  const mask = new BitMask(g);
  expect(() => staple([])).toThrow(ConsensusInputError);
  expect(() => staple([mask], { region: new BitMask(cube(9)) })).toThrow(/options\.region/);
  expect(() => staple([mask], { tolerance: 0 })).toThrow(/options\.tolerance/);
  expect(() => staple([mask], { prior: 1 })).toThrow(/options\.prior/);
  expect(() => staple([mask], { maxIterations: 0 })).toThrow(/options\.maxIterations/);
  expect(() => staple([mask], { region: new BitMask(g) })).toThrow(/empty/);
});
