// Lesion-level agreement on hand-placed lesions whose counts, Dice and distances are known.
import { BitMask } from '../volume/BitMask';
import { compareLesions } from './compareLesions';
import { box, grid, voxels } from './metrics.fixture';

function union(...masks: BitMask[]): BitMask {
  const out = new BitMask(masks[0].grid);
  for (const m of masks) for (const n of m.indices()) out.set(n);
  return out;
}

describe('A: three lesions, B: three lesions; two matched, one missed by B, one extra in B', () => {
  const g = grid(40, 20, 12, [1, 1, 2]);
  // Lesion 1: identical 3×3×3 cubes. Lesion 2: a 4×4×2 block, B's shifted 1 voxel along x.
  // A's lesion 3 (missed by B) and B's lesion 3 (extra) are far from everything.
  const a = union(box(g, [2, 2, 2], [3, 3, 3]), box(g, [12, 2, 2], [4, 4, 2]), box(g, [30, 14, 8], [2, 2, 2]));
  const b = union(box(g, [2, 2, 2], [3, 3, 3]), box(g, [13, 2, 2], [4, 4, 2]), box(g, [2, 14, 8], [1, 1, 1]));
  const result = compareLesions(a, b);

  it('counts per annotator: 3 lesions each, 2 detected, 1 extra, 1 missed', () => {
    expect(result.a).toMatchObject({ lesions: 3, detected: 2, extra: 1, missed: 1 });
    expect(result.b).toMatchObject({ lesions: 3, detected: 2, extra: 1, missed: 1 });
  });

  it('F1 = 2·TP/(2·TP+FP+FN) = 2·2/(4+1+1) = 2/3', () => {
    expect(result.matched).toBe(2);
    expect(result.f1).toBeCloseTo(2 / 3, 15);
  });

  it('per matched lesion: identical cubes Dice 1, HD95 0; shifted blocks Dice 2·24/64, HD 1 mm', () => {
    const [first, second] = [...result.matches].sort((x, y) => x.a - y.a);
    expect(first).toMatchObject({ a: 0, b: 0, overlapVoxels: 27, dice: 1, hdMm: 0, hd95Mm: 0 });
    expect(second).toMatchObject({ a: 1, b: 1, aVoxels: 32, bVoxels: 32, overlapVoxels: 24, hdMm: 1 });
    expect(second.dice).toBeCloseTo(48 / 64, 15);
  });

  it('lists each lesion with its volume, box and match', () => {
    expect(result.a.list[2]).toMatchObject({ voxels: 8, volumeMl: 0.016, detected: false, match: null, box: { iMin: 30, kMin: 8 } });
    expect(result.b.list.map((l) => l.match)).toEqual([0, 1, null]);
  });
});

test('lesions are 26-connected: two diagonal voxels are one lesion, matched to a single voxel', () => {
  const g = grid(6, 6, 6);
  const result = compareLesions(voxels(g, [[2, 2, 2], [3, 3, 3]]), voxels(g, [[3, 3, 3]]));
  expect(result).toMatchObject({ a: { lesions: 1 }, b: { lesions: 1 }, matched: 1, f1: 1 });
  expect(result.matches[0].dice).toBeCloseTo(2 / 3, 15);
  expect(result.matches[0].hdMm).toBeCloseTo(Math.sqrt(3), 14);
  expect(compareLesions(voxels(g, [[2, 2, 2], [3, 3, 3]]), voxels(g, [[3, 3, 3]]), { connectivity: 6 }).a.lesions).toBe(2);
});

test('no lesions on either side: F1 = 1 (nothing to find, nothing found); one side empty: F1 = 0', () => {
  const g = grid(5, 5, 5);
  expect(compareLesions(new BitMask(g), new BitMask(g))).toMatchObject({ matched: 0, f1: 1, matches: [] });
  expect(compareLesions(box(g, [1, 1, 1], [2, 2, 2]), new BitMask(g))).toMatchObject({ f1: 0, a: { extra: 1 }, b: { missed: 1 } });
});

// Issue 14: a component smaller than the minimum lesion size (a SOP structure's minLesionSize) is no lesion.
describe('minimum lesion size: equivalent-sphere diameter 3 mm', () => {
  test('on 1 × 1 × 2 mm voxels (2 mm³; 3 mm = 14.14 mm³ = 8 voxels): B\'s 1-voxel lesion 3 (d 1.56 mm) is dropped, A\'s 8-voxel one (d 3.13 mm) kept', () => {
    const g = grid(40, 20, 12, [1, 1, 2]);
    const a = union(box(g, [2, 2, 2], [3, 3, 3]), box(g, [12, 2, 2], [4, 4, 2]), box(g, [30, 14, 8], [2, 2, 2]));
    const b = union(box(g, [2, 2, 2], [3, 3, 3]), box(g, [13, 2, 2], [4, 4, 2]), box(g, [2, 14, 8], [1, 1, 1]));
    const result = compareLesions(a, b, { minLesionSize: { diameterMm: 3 } });
    expect(result.minLesionVoxels).toBe(8);
    expect(result.a).toMatchObject({ lesions: 3, belowMinimum: 0, detected: 2, extra: 1, missed: 0 });
    expect(result.b).toMatchObject({ lesions: 2, belowMinimum: 1, detected: 2, extra: 0, missed: 1 });
    // F1 = 2·2 / (3 + 2)
    expect([result.matched, result.f1]).toEqual([2, 0.8]);
    expect(result.b.list.map((l) => l.voxels)).toEqual([27, 32]);
  });

  test('a 1-voxel island inside A\'s 3×3×3 nodule detects nothing: the nodule is missed (F1 0); without a minimum it is matched', () => {
    const g = grid(8, 8, 8);
    const nodule = box(g, [2, 2, 2], [3, 3, 3]);
    const island = voxels(g, [[3, 3, 3]]);
    expect(compareLesions(nodule, island, { minLesionSize: { diameterMm: 3 } })).toMatchObject({
      matched: 0, f1: 0, a: { lesions: 1, extra: 1 }, b: { lesions: 0, belowMinimum: 1, missed: 1 }, matches: [],
    });
    expect(compareLesions(nodule, island)).toMatchObject({ matched: 1, f1: 1, minLesionVoxels: 1, b: { lesions: 1, belowMinimum: 0 } });
  });

  test('the boundary is a lesion: 15 voxels of 1 mm³ (d 3.06 mm) are, 14 (d 2.99 mm) are not; or by volume', () => {
    const g = grid(10, 10, 4);
    const fifteen = box(g, [1, 1, 1], [5, 3, 1]);
    const fourteen = voxels(g, [...fifteen.indices()].slice(0, 14).map((n) => [n % 10, Math.floor(n / 10) % 10, Math.floor(n / 100)] as [number, number, number]));
    expect(compareLesions(fifteen, fifteen, { minLesionSize: { diameterMm: 3 } })).toMatchObject({ matched: 1, a: { lesions: 1 } });
    expect(compareLesions(fourteen, fourteen, { minLesionSize: { diameterMm: 3 } })).toMatchObject({ matched: 0, f1: 1, a: { lesions: 0, belowMinimum: 1 } });
    expect(compareLesions(fourteen, fourteen, { minLesionSize: { volumeMm3: 14 } })).toMatchObject({ matched: 1, a: { lesions: 1 } });
  });
});
