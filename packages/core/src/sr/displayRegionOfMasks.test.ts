// Where a viewer shows an annotation: its own busiest slice; an empty annotation where the others
// drew the structure; the whole middle slice when no one drew it.
import { box, grid } from '../metrics/metrics.fixture';
import { BitMask } from '../volume/BitMask';
import { displayRegionOfMasks } from './displayRegionOfMasks';

const g = grid(8, 6, 5);
const images = Array.from({ length: g.slices }, (_, k) => ({ sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUid: `2.25.${k + 1}` }));

test('the rectangle around the annotation on the slice where it has most voxels', () => {
  const mask = box(g, [1, 1, 1], [2, 2, 1]);
  mask.set(5 + g.columns * (4 + g.rows * 3)); // one voxel on slice 3
  mask.set(6 + g.columns * (4 + g.rows * 1)); // slice 1 grows to columns 1..6, rows 1..4
  expect(displayRegionOfMasks(mask, [mask], images)).toEqual({ image: images[1], outline: [1, 1, 7, 1, 7, 5, 1, 5, 1, 1] });
});

test('an empty annotation is shown where the structure is, or on the whole middle slice', () => {
  const empty = new BitMask(g);
  const other = box(g, [4, 2, 4], [3, 1, 1]);
  expect(displayRegionOfMasks(empty, [empty, other], images)).toEqual({ image: images[4], outline: [4, 2, 7, 2, 7, 3, 4, 3, 4, 2] });
  expect(displayRegionOfMasks(empty, [empty], images)).toEqual({ image: images[2], outline: [0, 0, 8, 0, 8, 6, 0, 6, 0, 0] });
});

test('no region where the grid has no image (a gap in the series)', () => {
  const mask = box(g, [1, 1, 2], [1, 1, 1]);
  expect(displayRegionOfMasks(mask, [mask], [images[0], images[1], null, images[3], images[4]])).toBeUndefined();
});
