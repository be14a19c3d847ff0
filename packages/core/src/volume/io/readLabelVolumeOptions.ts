/** Limits for reading label volumes, checked before anything is allocated. */
export interface ReadLabelVolumeOptions {
  /**
   * Most voxels (per layer) a file may declare; default 2^30 (1024³, e.g. 512 × 512 × 4096).
   * Larger declarations are refused before allocating.
   */
  maxVoxels?: number;
}

export const DEFAULT_MAX_VOXELS = 2 ** 30;
