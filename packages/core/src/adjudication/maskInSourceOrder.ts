/**
 * A mask on the source grid (slices sorted along the normal, VoxelGrid order) in the order the SEG
 * writer takes it: `Rows × Columns × sourceImages.length`, slices in sourceImages order.
 */
import type { BitMask } from '../volume/BitMask';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';

/** @param sliceOrder gridFromSourceImages's: the index in sourceImages of each grid slice, −1 for a gap. */
export function maskInSourceOrder(mask: BitMask, sliceOrder: readonly number[], imageCount: number, path = 'mask'): Uint8Array {
  const perSlice = mask.grid.columns * mask.grid.rows;
  const out = new Uint8Array(perSlice * imageCount);
  for (const voxel of mask.indices()) {
    const k = Math.floor(voxel / perSlice);
    const image = sliceOrder[k];
    if (image === undefined || image < 0) throw new GeometryMismatchError(path, `voxel ${voxel} lies on grid slice ${k}, where the series has no image: it cannot be written`);
    out[image * perSlice + (voxel - k * perSlice)] = 1;
  }
  return out;
}
