/**
 * VoxelGrid orders slices along row direction × column direction (as a DICOM series is stacked).
 * A file whose third axis points the other way (NIfTI with qfac = -1, a left-handed NRRD) is
 * brought to that convention by reversing its slices: the same voxels at the same patient
 * positions, k counted from the other end.
 */
import type { VoxelGrid } from '../VoxelGrid';
import type { LabelArray } from './LabelVolume';

/** Reverses the slice order of each layer in place and returns the grid that describes the result. */
export function reverseSlices(grid: VoxelGrid, layers: readonly LabelArray[]): VoxelGrid {
  const sliceLength = grid.columns * grid.rows;
  for (const labels of layers) {
    const scratch = labels.slice(0, sliceLength);
    for (let low = 0, high = grid.slices - 1; low < high; low++, high--) {
      const a = low * sliceLength;
      const b = high * sliceLength;
      scratch.set(labels.subarray(a, a + sliceLength));
      labels.copyWithin(a, b, b + sliceLength);
      labels.set(scratch, b);
    }
  }
  return gridWithSlicesReversed(grid);
}

/** The grid of the same voxels with the slices counted from the other end. */
export function gridWithSlicesReversed(grid: VoxelGrid): VoxelGrid {
  const last = grid.slices - 1;
  const { origin, spacing, sliceDirection: w } = grid;
  return {
    ...grid,
    origin: [0, 1, 2].map((a) => origin[a] + last * spacing[2] * w[a]) as [number, number, number],
    sliceDirection: [0 - w[0], 0 - w[1], 0 - w[2]], // 0 - x: never -0
  };
}
