/**
 * One label of a demo label volume as a BitMask on the source grid. The generator's volumes are
 * `Rows × Columns × images` in the order the image files were written (what the SEG writer takes);
 * the grid orders slices along the normal (gridFromSourceImages's sliceOrder says which image each
 * grid slice is).
 */
import { BitMask, type VoxelGrid } from '@segqc/core';

export function labelMaskOnGrid(labels: Uint8Array, label: number, grid: VoxelGrid, sliceOrder: readonly number[]): BitMask {
  const perSlice = grid.columns * grid.rows;
  const mask = new BitMask(grid);
  sliceOrder.forEach((image, k) => {
    if (image < 0) return;
    const from = image * perSlice;
    for (let v = 0; v < perSlice; v++) if (labels[from + v] === label) mask.set(k * perSlice + v);
  });
  return mask;
}
