/**
 * The MR acquisition grid of every demo brain series (T1, T2 and FLAIR share it and one frame of
 * reference): 256 × 256 pixels of 0.9 mm, 40 axial slices of 4 mm, head first, LPS.
 */
export const BRAIN_GRID = Object.freeze({
  rows: 256,
  columns: 256,
  slices: 40,
  pixelSpacing: 0.9,
  sliceThickness: 4,
  x0: -114.75,
  y0: -109.75,
  /** z of the first slice (InstanceNumber 1, most superior); slice k is at zFirst − 4 k. */
  zFirst: 86,
});

export const BRAIN_VOXELS = BRAIN_GRID.rows * BRAIN_GRID.columns * BRAIN_GRID.slices;
export const brainX = (column: number): number => BRAIN_GRID.x0 + column * BRAIN_GRID.pixelSpacing;
export const brainY = (row: number): number => BRAIN_GRID.y0 + row * BRAIN_GRID.pixelSpacing;
export const brainZ = (slice: number): number => BRAIN_GRID.zFirst - slice * BRAIN_GRID.sliceThickness;
