/**
 * The CT acquisition grid of every demo chest study: 256 × 256 pixels of 1.4 mm, 100 axial slices
 * of 2.5 mm, head first (InstanceNumber 1 is the most superior slice), patient coordinates LPS
 * (+x patient left, +y posterior, +z superior).
 */
export const CHEST_GRID = Object.freeze({
  rows: 256,
  columns: 256,
  slices: 100,
  pixelSpacing: 1.4,
  sliceThickness: 2.5,
  /** x of column 0 and y of row 0: the field of view (358.4 mm) centred on the table axis. */
  x0: -178.5,
  y0: -178.5,
  /** z of the first slice (InstanceNumber 1); slice k is at zFirst − 2.5 k. */
  zFirst: -25,
});

export const CHEST_VOXELS = CHEST_GRID.rows * CHEST_GRID.columns * CHEST_GRID.slices;
/** Centre of the slab: anatomy is defined relative to it (local z = z − Z_CENTER). */
export const CHEST_Z_CENTER = CHEST_GRID.zFirst - (CHEST_GRID.sliceThickness * (CHEST_GRID.slices - 1)) / 2;

export const chestX = (column: number): number => CHEST_GRID.x0 + column * CHEST_GRID.pixelSpacing;
export const chestY = (row: number): number => CHEST_GRID.y0 + row * CHEST_GRID.pixelSpacing;
export const chestZ = (slice: number): number => CHEST_GRID.zFirst - slice * CHEST_GRID.sliceThickness;
