import type { BitMask } from '../BitMask';
import type { VoxelGrid } from '../VoxelGrid';
import type { LabelVolumeSegment } from './LabelVolume';

/**
 * A label volume as the masks of its label values: per layer, one BitMask on `grid` for every
 * non-zero value that occurs, keyed by the value. What the metrics and the SEG writer work on,
 * without the label array it was read from.
 */
export interface LabelMasks {
  grid: VoxelGrid;
  /** One map per layer (Slicer's `.seg.nrrd` has several), value → its voxels. */
  layers: ReadonlyMap<number, BitMask>[];
  /** Segments described by the file itself (Slicer); otherwise absent. */
  segments?: LabelVolumeSegment[];
}
