// The matching rule on overlap tables written by hand.
import { matchLesions } from './lesionMatching';

test('a lesion split in two by the other annotator matches its larger part; the smaller one is detected, not matched', () => {
  // A0 overlaps B0 (30 voxels) and B1 (50); A1 overlaps nothing; B2 overlaps nothing.
  const result = matchLesions([{ a: 0, b: 0, voxels: 30 }, { a: 0, b: 1, voxels: 50 }], 2, 3);
  expect(result.matches).toEqual([{ a: 0, b: 1, voxels: 50 }]);
  expect(result.aOverlapped).toEqual([true, false]);
  expect(result.bOverlapped).toEqual([true, true, false]);
});

test('greedy by greatest overlap: the largest overlap is matched first, the rest as partners remain', () => {
  // A0–B0 40, A0–B1 35, A1–B0 38: A0–B0 first; A1 cannot have B0 any more; B1 is free but only A0 overlaps it.
  const { matches } = matchLesions([{ a: 0, b: 0, voxels: 40 }, { a: 0, b: 1, voxels: 35 }, { a: 1, b: 0, voxels: 38 }], 2, 2);
  expect(matches).toEqual([{ a: 0, b: 0, voxels: 40 }]);
});

test('ties go to the lower lesion numbers, so the result does not depend on input order', () => {
  const pairs = [{ a: 1, b: 0, voxels: 10 }, { a: 0, b: 0, voxels: 10 }, { a: 1, b: 1, voxels: 10 }];
  expect(matchLesions(pairs, 2, 2).matches).toEqual([{ a: 0, b: 0, voxels: 10 }, { a: 1, b: 1, voxels: 10 }]);
  expect(matchLesions([...pairs].reverse(), 2, 2).matches).toEqual([{ a: 0, b: 0, voxels: 10 }, { a: 1, b: 1, voxels: 10 }]);
});
