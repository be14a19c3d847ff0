import { GeometryMismatchError } from '../volume/GeometryMismatchError';
// compareMasks against answers known in closed form: the conventions of DESIGN.md, case by case.
import { BitMask } from '../volume/BitMask';
import { compareMasks } from './compareMasks';
import { MetricInputError } from './MetricInputError';
import { ball, box, grid, voxels } from './metrics.fixture';

describe('two 10³ cubes, B shifted 2 voxels along x', () => {
  // 20 columns: rows straddle 32-bit words, so the word-wise paths meet unaligned rows.
  const g = grid(20, 16, 16);
  const a = box(g, [2, 2, 2], [10, 10, 10]);
  const b = box(g, [4, 2, 2], [10, 10, 10]);
  const result = compareMasks(a, b);

  it('overlap 8·10·10 = 800: Dice = 2·800/2000 = 0.8, Jaccard = 800/1200', () => {
    expect(result.overlapVoxels).toBe(800);
    expect(result.dice).toBeCloseTo(0.8, 15);
    expect(result.jaccard).toBeCloseTo(800 / 1200, 15);
  });

  it('volumes are 1000 voxels of 1 mm³ = 1 mL each, difference 0', () => {
    expect(result.a).toEqual({ voxels: 1000, volumeMl: 1, surfaceVoxels: 1000 - 8 ** 3 });
    expect(result.b.volumeMl).toBe(1);
    expect(result.volumeDifferenceMl).toBe(0);
  });

  it('HD = 2 voxels: the leading face of A is 2 from the leading face of B, nothing is farther', () => {
    expect(result.hdMm).toBe(2);
  });
});

describe('the same cubes with anisotropic spacing 0.5 × 1 × 2 mm', () => {
  const g = grid(20, 16, 16, [0.5, 1, 2]);
  it('shifted 2 along x: HD = 2 × 0.5 mm', () => {
    expect(compareMasks(box(g, [2, 2, 2], [10, 10, 10]), box(g, [4, 2, 2], [10, 10, 10])).hdMm).toBe(1);
  });
  it('shifted 2 along z: HD = 2 × 2 mm (and the volume is 1000 × 1 mm³ = 1 mL)', () => {
    const result = compareMasks(box(g, [2, 2, 2], [10, 10, 10]), box(g, [2, 2, 4], [10, 10, 10]));
    expect(result.hdMm).toBe(4);
    expect(result.a.volumeMl).toBe(1);
    expect(result.dice).toBeCloseTo(0.8, 15);
  });
});

test('concentric balls of radii 5 and 9 voxels: HD ≈ 9 − 5 within a voxel diagonal', () => {
  const g = grid(24, 24, 24);
  const result = compareMasks(ball(g, [12, 12, 12], 5), ball(g, [12, 12, 12], 9));
  expect(Math.abs(result.hdMm! - 4)).toBeLessThanOrEqual(Math.sqrt(3));
  expect(result.dice).toBeLessThan(2 * 5 ** 3 / (5 ** 3 + 9 ** 3) + 0.05);
});

test('identical masks: Dice 1, Jaccard 1, every distance 0, NSD 1', () => {
  const g = grid(33, 17, 9, [0.7, 0.7, 1.25]);
  const a = ball(g, [16, 8, 4], 4);
  const result = compareMasks(a, new BitMask(g, a.words.slice()));
  expect(result).toMatchObject({ dice: 1, jaccard: 1, hdMm: 0, hd95Mm: 0, assdMm: 0, nsd: { '1': 1, '2': 1 }, volumeDifferenceMl: 0 });
});

test('empty vs empty: Dice 1 and Jaccard 1 (they agree), every distance null (undefined, not 0)', () => {
  const g = grid(8, 8, 8);
  const result = compareMasks(new BitMask(g), new BitMask(g));
  expect(result).toMatchObject({ dice: 1, jaccard: 1, hdMm: null, hd95Mm: null, assdMm: null, nsd: { '1': null, '2': null } });
  expect(result.a).toEqual({ voxels: 0, volumeMl: 0, surfaceVoxels: 0 });
});

test('empty vs non-empty: Dice 0, Jaccard 0, distances null, volume difference = volume of B', () => {
  const g = grid(8, 8, 8, [1, 1, 2]);
  const result = compareMasks(new BitMask(g), box(g, [1, 1, 1], [2, 2, 2]));
  expect(result).toMatchObject({ dice: 0, jaccard: 0, hdMm: null, hd95Mm: null, assdMm: null, nsd: { '1': null, '2': null } });
  expect(result.volumeDifferenceMl).toBeCloseTo(0.016, 15);
  expect(result.b.surfaceVoxels).toBe(8);
});

describe('single voxels: the surface is the voxel, the distance the exact anisotropic one', () => {
  const spacing: [number, number, number] = [0.7, 0.8, 1.25];
  const expected = Math.hypot(3 * 0.7, 2 * 0.8, 2 * 1.25);
  it.each([
    ['within the neighbour ball', {}],
    ['through the k-d tree', { neighbourBallVoxels: 1 }],
  ])('%s', (_, search) => {
    const g = grid(9, 5, 7, spacing);
    const result = compareMasks(voxels(g, [[1, 2, 3]]), voxels(g, [[4, 0, 5]]), search);
    expect(result.a.surfaceVoxels).toBe(1);
    expect(result.hdMm).toBeCloseTo(expected, 14);
    expect(result.hd95Mm).toBeCloseTo(expected, 14);
    expect(result.assdMm).toBeCloseTo(expected, 14);
    expect(result.nsd).toEqual({ '1': 0, '2': 0 });
    expect(compareMasks(voxels(g, [[1, 2, 3]]), voxels(g, [[4, 0, 5]]), { tolerancesMm: [expected + 1e-9] }).nsd[String(expected + 1e-9)]).toBe(1);
  });
  it('far apart (60 mm, beyond the ball): exact through the k-d tree', () => {
    const g = grid(64, 3, 3);
    expect(compareMasks(voxels(g, [[0, 1, 1]]), voxels(g, [[60, 2, 0]])).hdMm).toBeCloseTo(Math.sqrt(60 ** 2 + 1 + 1), 12);
  });
});

describe('HD95 pooled vs directed-max, by hand: A = {x=0}, B = {x=0, x=3} on a 5×1×1 grid', () => {
  // Surfaces: every voxel (isolated). d_AB = [0]; d_BA = [0, 3]; pooled sorted = [0, 0, 3].
  const g = grid(5, 1, 1);
  const a = voxels(g, [[0, 0, 0]]);
  const b = voxels(g, [[0, 0, 0], [3, 0, 0]]);
  it('pooled: rank (3−1)·0.95 = 1.9 → 0 + 0.9·(3 − 0) = 2.7', () => {
    expect(compareMasks(a, b).hd95Mm).toBeCloseTo(2.7, 14);
  });
  it('directed-max: max(P95[0], P95[0, 3]) = max(0, 0.95·3) = 2.85', () => {
    const result = compareMasks(a, b, { hd95: 'directed-max' });
    expect(result.hd95Mm).toBeCloseTo(2.85, 14);
    expect(result.hd95Variant).toBe('directed-max');
  });
  it('HD = 3, ASSD = (0 + 0 + 3)/3 = 1, NSD at τ = 2 (between the distances 0 and 3) = 2/3, at τ = 3: 1', () => {
    const result = compareMasks(a, b, { tolerancesMm: [2, 3] });
    expect(result).toMatchObject({ hdMm: 3, assdMm: 1, nsd: { '2': 2 / 3, '3': 1 } });
  });
});

test('overlap-only mode does no surface work and reports distances as null', () => {
  const g = grid(10, 10, 10);
  const result = compareMasks(box(g, [0, 0, 0], [4, 4, 4]), box(g, [2, 0, 0], [4, 4, 4]), { distances: false });
  expect(result).toMatchObject({ dice: 0.5, hdMm: null, a: { surfaceVoxels: null } });
});

describe('bad input: typed errors naming the input', () => {
  const g = grid(4, 4, 4);
  it('masks on grids of different size', () => {
    expect(() => compareMasks(new BitMask(g), new BitMask(grid(4, 4, 5)))).toThrow(GeometryMismatchError);
  });
  it('masks on grids of different spacing', () => {
    expect(() => compareMasks(new BitMask(g), new BitMask(grid(4, 4, 4, [1, 1, 3])))).toThrow(/b\.grid\.spacing/);
  });
  it('a negative or NaN tolerance', () => {
    expect(() => compareMasks(new BitMask(g), new BitMask(g), { tolerancesMm: [1, -2] })).toThrow(/tolerancesMm\[1\]/);
    expect(() => compareMasks(new BitMask(g), new BitMask(g), { tolerancesMm: [NaN] })).toThrow(MetricInputError);
  });
  it('an unknown HD95 variant', () => {
    expect(() => compareMasks(new BitMask(g), new BitMask(g), { hd95: 'mean' as never })).toThrow(/hd95/);
  });
  it('a zero spacing', () => {
    const flat = grid(4, 4, 4, [1, 0, 1]);
    expect(() => compareMasks(new BitMask(flat), new BitMask(flat))).toThrow(/spacing\[1\]/);
  });
});
