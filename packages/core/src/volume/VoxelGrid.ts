/**
 * The voxel grid of a source series, in DICOM patient coordinates (LPS, mm).
 *
 * Voxel (i, j, k) is column i, row j of slice k; its linear index is i + columns * (j + rows * k),
 * the order of pixels in a DICOM frame with frames stacked along k. Slices are ordered along the
 * slice normal (row direction × column direction), whatever order the files came in.
 */
export interface VoxelGrid {
  columns: number;
  rows: number;
  slices: number;
  /** mm between columns (along rowDirection), between rows (along columnDirection), between slices. */
  spacing: readonly [number, number, number];
  /** ImagePositionPatient of voxel (0, 0, 0). */
  origin: readonly [number, number, number];
  /** ImageOrientationPatient's first triple: direction of increasing column index i. */
  rowDirection: readonly [number, number, number];
  /** ImageOrientationPatient's second triple: direction of increasing row index j. */
  columnDirection: readonly [number, number, number];
  /** Direction of increasing slice index k (unit). */
  sliceDirection: readonly [number, number, number];
  frameOfReferenceUID?: string;
}

export function voxelCount(grid: VoxelGrid): number {
  return grid.columns * grid.rows * grid.slices;
}

/** Volume of one voxel in mL (mm³ / 1000). */
export function voxelVolumeMl(grid: VoxelGrid): number {
  return (grid.spacing[0] * grid.spacing[1] * grid.spacing[2]) / 1000;
}

/** Patient coordinates (mm) of the centre of voxel (i, j, k). */
export function voxelToPatient(grid: VoxelGrid, i: number, j: number, k: number): [number, number, number] {
  const [si, sj, sk] = grid.spacing;
  return [0, 1, 2].map(
    (a) => grid.origin[a] + i * si * grid.rowDirection[a] + j * sj * grid.columnDirection[a] + k * sk * grid.sliceDirection[a],
  ) as [number, number, number];
}
