import type { BitMask } from '../volume/BitMask';
import { voxelVolumeMl, type VoxelGrid } from '../volume/VoxelGrid';

/** Volume in mL of `voxels` voxels of `grid`: count × voxel volume (mm³ / 1000). */
export function volumeMl(voxels: number, grid: VoxelGrid): number {
  return voxels * voxelVolumeMl(grid);
}

/** Volume of a mask in mL. */
export function maskVolumeMl(mask: BitMask): number {
  return volumeMl(mask.count(), mask.grid);
}
