// The SEG writer takes masks with slices in the order the source images were given, the grid has
// them sorted along the normal: each voxel lands on its image, and a voxel on a gap is refused.
import { grid, voxels } from '../metrics/metrics.fixture';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import { maskInSourceOrder } from './maskInSourceOrder';

const g = grid(2, 2, 3);

test('voxels move to their image\'s slice, in-plane position kept', () => {
  // Grid slice 0 is image 2, slice 1 image 0, slice 2 image 1.
  const mask = voxels(g, [[1, 0, 0], [0, 1, 1], [1, 1, 2]]);
  expect(Array.from(maskInSourceOrder(mask, [2, 0, 1], 3))).toEqual([
    0, 0, 1, 0, // image 0: grid slice 1, voxel (0, 1)
    0, 0, 0, 1, // image 1: grid slice 2, voxel (1, 1)
    0, 1, 0, 0, // image 2: grid slice 0, voxel (1, 0)
  ]);
});

test('a voxel on a slice the series lacks cannot be written', () => {
  const mask = voxels(g, [[0, 0, 1]]);
  expect(() => maskInSourceOrder(mask, [1, -1, 0], 2, 'structures[0]')).toThrow(GeometryMismatchError);
  expect(() => maskInSourceOrder(mask, [1, -1, 0], 2, 'structures[0]')).toThrow(/^structures\[0\]: voxel 4 lies on grid slice 1, where the series has no image/);
  expect(Array.from(maskInSourceOrder(voxels(g, [[0, 0, 0]]), [1, -1, 0], 2))).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
});
