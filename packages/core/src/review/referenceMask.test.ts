// The adjudicator's reference of one structure, on masks whose vote counts are known voxel by voxel.
import { staple } from '../consensus/staple';
import { ConsensusInputError } from '../consensus/ConsensusInputError';
import { box, grid } from '../metrics/metrics.fixture';
import type { BitMask } from '../volume/BitMask';
import { referenceMask } from './referenceMask';
import { ReviewInputError } from './ReviewInputError';
import { union } from './review.fixture';

const g = grid(12, 12, 12);
// Three 4×4×4 cubes: A = [2,6)³, B shifted +1 along i, C shifted +1 along j.
const a = box(g, [2, 2, 2], [4, 4, 4]);
const b = box(g, [3, 2, 2], [4, 4, 4]);
const c = box(g, [2, 3, 2], [4, 4, 4]);
const same = (x: BitMask, y: BitMask) => expect(Array.from(x.words)).toEqual(Array.from(y.words));

describe('accept', () => {
  test("is annotator index's mask, as a copy: editing the reference leaves the annotation alone", () => {
    const reference = referenceMask({ kind: 'accept', index: 1 }, [a, b]);
    same(reference, b);
    expect(reference.words).not.toBe(b.words);
    reference.set(0);
    expect(b.get(0)).toBe(false);
  });

  test.each([-1, 2, 0.5, Number.NaN])('index %p names no mask: ReviewInputError on method.index', (index) => {
    expect(() => referenceMask({ kind: 'accept', index }, [a, b])).toThrow(ReviewInputError);
    expect(() => referenceMask({ kind: 'accept', index }, [a, b])).toThrow(/^method\.index: names no mask/);
  });
});

describe('majority', () => {
  test('two raters: a tie is foreground (≥ 50 %), so the reference is the union: 64 + 64 − 48 = 80 voxels', () => {
    const reference = referenceMask({ kind: 'majority' }, [a, b]);
    same(reference, union(a, b));
    expect(reference.count()).toBe(80);
  });

  test('three raters: voxels at least two marked, A∩B ∪ A∩C = 48 + 48 − 36 = 60 voxels', () => {
    const reference = referenceMask({ kind: 'majority' }, [a, b, c]);
    // A∩B = [3,6)×[2,6)×[2,6) (48), A∩C = [2,6)×[3,6)×[2,6) (48); B∩C = [3,6)×[3,6)×[2,6) (36) lies in both.
    expect(reference.count()).toBe(60);
    const expected = union(box(g, [3, 2, 2], [3, 4, 4]), box(g, [2, 3, 2], [4, 3, 4]));
    same(reference, expected);
  });

  test('four raters, two marking a voxel: still foreground', () => {
    const d = box(g, [0, 0, 0], [1, 1, 1]);
    const reference = referenceMask({ kind: 'majority' }, [a, a, d, d]);
    same(reference, union(a, d));
  });

  test('no masks: the consensus error, named', () => {
    expect(() => referenceMask({ kind: 'majority' }, [])).toThrow(ConsensusInputError);
  });
});

describe('staple', () => {
  test("is STAPLE's own consensus (posterior ≥ 0.5)", () => {
    same(referenceMask({ kind: 'staple' }, [a, b, c]), staple([a, b, c]).consensus);
  });

  test('three raters, two identical: the truth is the mask of the pair (the third is outvoted where it differs)', () => {
    same(referenceMask({ kind: 'staple' }, [a, a, b]), a);
  });

  test('identical raters: their mask', () => {
    same(referenceMask({ kind: 'staple' }, [b, b]), b);
  });
});

test('an unknown method is refused, named', () => {
  expect(() => referenceMask({ kind: 'average' } as never, [a])).toThrow(/^method\.kind: must be 'accept', 'majority' or 'staple'/);
});
