// Bounding boxes from set words, including words that straddle row ends.
import { BitMask } from '../volume/BitMask';
import { boundingBox } from './boundingBox';
import { box, grid, voxels } from './metrics.fixture';

test('a block gives its own extent', () => {
  const g = grid(50, 20, 10);
  expect(boundingBox(box(g, [33, 4, 2], [10, 3, 5]))).toEqual({ iMin: 33, jMin: 4, kMin: 2, iMax: 42, jMax: 6, kMax: 6 });
});

test('the union of two masks, with 7 columns (every word spans rows)', () => {
  const g = grid(7, 5, 4);
  const a = voxels(g, [[6, 0, 1]]);
  const b = voxels(g, [[0, 4, 3], [2, 2, 2]]);
  expect(boundingBox(a, b)).toEqual({ iMin: 0, jMin: 0, kMin: 1, iMax: 6, jMax: 4, kMax: 3 });
  expect(boundingBox(a)).toEqual({ iMin: 6, jMin: 0, kMin: 1, iMax: 6, jMax: 0, kMax: 1 });
});

test('empty masks have no box', () => {
  const g = grid(4, 4, 4);
  expect(boundingBox(new BitMask(g), new BitMask(g))).toBeNull();
});
