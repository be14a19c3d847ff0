import { voxelToPatient, type VoxelBox, type VoxelGrid } from '@segqc/core';

export type Point3 = [number, number, number];

/**
 * A region's in-plane box on grid slice k in patient coordinates (mm): its centre, where the
 * viewport is centred, and the four outer corners of its voxels (half a voxel beyond the centres),
 * which the zoom fits and the marker outlines.
 */
export function regionOnSlice(grid: VoxelGrid, box: VoxelBox, k: number): { centre: Point3; corners: Point3[] } {
  const [i0, i1, j0, j1] = [box.iMin - 0.5, box.iMax + 0.5, box.jMin - 0.5, box.jMax + 0.5];
  return {
    centre: voxelToPatient(grid, (box.iMin + box.iMax) / 2, (box.jMin + box.jMax) / 2, k),
    corners: [voxelToPatient(grid, i0, j0, k), voxelToPatient(grid, i1, j0, k), voxelToPatient(grid, i1, j1, k), voxelToPatient(grid, i0, j1, k)],
  };
}
