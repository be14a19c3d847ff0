import { BitMask } from '../volume/BitMask';
import { paintedSlices } from './paintedSlices';
import { grid } from './review.fixture';

// A structure painted on every other slice: 3 painted of the 5 it spans, two short gaps; a full one:
// all of its span; two lesions far apart: a long gap, not skipped slices.
test('slices painted and spanned, and the short gaps of skipped slices; an empty mask spans none', () => {
  const g = grid(4, 3, 10);
  const mask = new BitMask(g);
  const voxel = (i: number, j: number, k: number) => i + g.columns * (j + g.rows * k);
  for (const k of [2, 4, 6]) mask.set(voxel(1, 1, k));
  mask.set(voxel(3, 2, 4));
  expect(paintedSlices(mask)).toEqual({ painted: 3, spanned: 5, shortGaps: 2 });
  const full = new BitMask(g);
  for (let k = 3; k <= 7; k++) full.set(voxel(0, 0, k));
  expect(paintedSlices(full)).toEqual({ painted: 5, spanned: 5, shortGaps: 0 });
  const lesions = new BitMask(g);
  for (const k of [0, 1, 8, 9]) lesions.set(voxel(2, 2, k));
  expect(paintedSlices(lesions)).toEqual({ painted: 4, spanned: 10, shortGaps: 0 });
  expect(paintedSlices(new BitMask(g))).toEqual({ painted: 0, spanned: 0, shortGaps: 0 });
});
