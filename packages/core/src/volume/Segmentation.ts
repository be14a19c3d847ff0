import type { CodeInit } from '../dicom/CodedConcept';
import type { BitMask } from './BitMask';
import type { VoxelGrid } from './VoxelGrid';

/** One segment of a segmentation: what it is (codes, label) and its voxels on the source grid. */
export interface SegmentVolume {
  /** SegmentNumber in a SEG, the label value in a label volume. */
  number: number;
  label: string;
  /** SegmentedPropertyCategoryCodeSequence, when known. */
  category?: CodeInit;
  /** SegmentedPropertyTypeCodeSequence, when known. */
  type?: CodeInit;
  /** SegmentedPropertyTypeModifierCodeSequence, e.g. Right / Left of a paired organ (Lung). */
  typeModifier?: CodeInit;
  mask: BitMask;
}

/** A segmentation read from a SEG or a label volume, every segment on one grid. */
export interface Segmentation {
  grid: VoxelGrid;
  segments: SegmentVolume[];
  /** Where it came from: creator, date, SOP Instance UID, file name… (informative). */
  source: { creatorName?: string; contentDate?: string; sopInstanceUID?: string; seriesInstanceUID?: string; file?: string };
}
