import type { VoxelGrid } from '@segqc/core';
import { regionOnSlice } from './regionOnSlice';

// An axial grid, 0.5 mm pixels, 2 mm slices, origin (−100, −50, 20): voxel (i, j, k) is at
// (−100 + 0.5i, −50 + 0.5j, 20 + 2k).
const grid: VoxelGrid = {
  columns: 200, rows: 200, slices: 10, spacing: [0.5, 0.5, 2], origin: [-100, -50, 20],
  rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
};

test('the centre of the box and the outer corners of its voxels, on the slice asked for', () => {
  const { centre, corners } = regionOnSlice(grid, { iMin: 10, iMax: 19, jMin: 40, jMax: 43, kMin: 2, kMax: 6 }, 4);
  expect(centre).toEqual([-100 + 0.5 * 14.5, -50 + 0.5 * 41.5, 28]);
  expect(corners).toEqual([[-95.25, -30.25, 28], [-90.25, -30.25, 28], [-90.25, -28.25, 28], [-95.25, -28.25, 28]]);
});
