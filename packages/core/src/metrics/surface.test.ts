// The word-wise surface (six shifts and ANDs per 32 voxels) against the definition voxel by voxel.
import { BitMask } from '../volume/BitMask';
import { ball, box, bruteSurface, grid, seededRandom } from './metrics.fixture';
import { surface } from './surface';

const listOf = (mask: BitMask) => Array.from(mask.indices());
const indexOf = (g: ReturnType<typeof grid>) => ([i, j, k]: number[]) => i + g.columns * (j + g.rows * k);

test('a 4×4×4 cube: its 64 − 2³ = 56 outer voxels', () => {
  const g = grid(10, 10, 10);
  expect(surface(box(g, [3, 3, 3], [4, 4, 4])).count()).toBe(56);
});

test('a mask filling the whole image: the image border is its surface (outside is background)', () => {
  const g = grid(5, 4, 3);
  const full = box(g, [0, 0, 0], [5, 4, 3]);
  expect(surface(full).count()).toBe(5 * 4 * 3 - 3 * 2 * 1);
});

test('a single voxel and a one-voxel-thick plate are all surface', () => {
  const g = grid(40, 6, 6);
  expect(surface(box(g, [31, 2, 2], [1, 1, 1])).count()).toBe(1);
  expect(surface(box(g, [0, 0, 2], [40, 6, 1])).count()).toBe(240);
});

test.each([1, 2, 3, 4])('random masks on rows that straddle words (seed %i) match the definition', (seed) => {
  const random = seededRandom(seed);
  const g = grid(29 + 7 * seed, 9, 7);
  const mask = BitMask.fromPredicate(g, () => random() < 0.6);
  expect(listOf(surface(mask))).toEqual(bruteSurface(mask).map(indexOf(g)));
  const round = ball(g, [g.columns / 2, 4, 3], 3.5);
  expect(listOf(surface(round))).toEqual(bruteSurface(round).map(indexOf(g)));
});

test('an empty mask has an empty surface', () => {
  expect(surface(new BitMask(grid(3, 3, 3))).count()).toBe(0);
});
