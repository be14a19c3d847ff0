import type { CodeInit } from '../../dicom/CodedConcept';
import type { VoxelGrid } from '../VoxelGrid';

/** Label values, one per voxel in VoxelGrid linear order (i + columns * (j + rows * k)). */
export type LabelArray = Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array;

/**
 * A segment a label volume's file describes (3D Slicer's `.seg.nrrd` `SegmentN_*` fields): which
 * layer and label value hold it, its name and codes.
 */
export interface LabelVolumeSegment {
  layer: number;
  labelValue: number;
  name: string;
  category?: CodeInit;
  type?: CodeInit;
  /** E.g. laterality (Right / Left) of a paired organ. */
  typeModifier?: CodeInit;
}

/**
 * A label map on a patient grid (LPS), as NRRD and NIfTI files hold segmentations: voxel value 0
 * is background, every other value one structure.
 */
export interface LabelVolume {
  grid: VoxelGrid;
  /** The (first) label layer. */
  labels: LabelArray;
  /**
   * Every layer when the file has more than one (Slicer stores overlapping segments in separate
   * layers along a `list` axis); `layers[0] === labels`. Absent for a single layer.
   */
  layers?: LabelArray[];
  /** Segments described by the file itself, when it does (Slicer); otherwise absent. */
  segments?: LabelVolumeSegment[];
}
