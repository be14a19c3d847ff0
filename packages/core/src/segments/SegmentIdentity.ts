import type { CodeInit } from '../dicom/CodedConcept';

/**
 * What a segment is, as far as comparing annotators goes: its Segmented Property Type (with its
 * modifier: Right lung and Left lung share the type Lung and differ only by the laterality
 * modifier, CID 244), its category, its label. A SegmentVolume is one; `typeModifier` is read when
 * the segment carries it (SEG: SegmentedPropertyTypeModifierCodeSequence; Slicer terminology).
 */
export interface SegmentIdentity {
  label: string;
  category?: CodeInit;
  type?: CodeInit;
  typeModifier?: CodeInit;
}
