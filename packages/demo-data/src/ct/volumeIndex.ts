/** Nearest-voxel look-ups on the chest grid, from patient coordinates (mm). */
import { CHEST_GRID } from './chestGrid';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { round } = Math;

/** Index of the voxel nearest to (x, y, z), or -1 outside the grid. */
export function chestVoxelAt(x: number, y: number, z: number): number {
  const { rows, columns, slices, pixelSpacing, sliceThickness, x0, y0, zFirst } = CHEST_GRID;
  const c = round((x - x0) / pixelSpacing);
  const r = round((y - y0) / pixelSpacing);
  const k = round((zFirst - z) / sliceThickness);
  if (c < 0 || c >= columns || r < 0 || r >= rows || k < 0 || k >= slices) return -1;
  return (k * rows + r) * columns + c;
}
