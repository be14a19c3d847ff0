import type { ReadLabelVolumeOptions } from './readLabelVolumeOptions';

/** Limits for reading a label volume into masks, checked as masks are created. */
export interface ReadLabelMasksOptions extends ReadLabelVolumeOptions {
  /**
   * Most distinct non-zero values per layer; default 1024. An image read as labels (a CT with
   * thousands of grey values) is refused before one mask per grey value is allocated.
   */
  maxLabelValues?: number;
  /** Most bytes all masks together may take (a mask is voxels / 8 bytes); default 2 GiB. */
  maxMaskBytes?: number;
}

export const DEFAULT_MAX_LABEL_VALUES = 1024;
export const DEFAULT_MAX_MASK_BYTES = 2 * 1024 ** 3;
