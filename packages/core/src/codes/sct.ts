/**
 * SNOMED CT concepts SegQC writes, as data (coding scheme designator SCT, PS3.16 Table 8-1).
 * Each is checked against the PS3.16 context group it is used from:
 *  - CID 7150 Segmentation Property Category: Anatomical Structure is SCT 91723000 in the current
 *    standard (the older SRT T-D000A / SCT 123037004 "Body structure" mapping is no longer listed);
 *    Morphologically Abnormal Structure 49755003.
 *  - CID 7155 Thoracic Segmentation Type: Lung 39607008.
 *  - CID 7159 Lesion Segmentation Type: Lesion 52988006, Nodule 27925004.
 *  - CID 7153 CNS Segmentation Type / CID 4 Anatomic Region: Brain 12738006; CID 4: Lung 39607008.
 *  - CID 247 Laterality Left-Right Only (included in CID 244; written as the
 *    SegmentedPropertyTypeModifierCodeSequence of a paired organ): Right 24028007, Left 7771000.
 */
import type { CodeInit } from '../dicom/CodedConcept';

const sct = (value: string, meaning: string): CodeInit => Object.freeze({ value, scheme: 'SCT', meaning });

export const SCT = Object.freeze({
  AnatomicalStructure: sct('91723000', 'Anatomical Structure'),
  MorphologicallyAbnormalStructure: sct('49755003', 'Morphologically Abnormal Structure'),
  Lung: sct('39607008', 'Lung'),
  Brain: sct('12738006', 'Brain'),
  Lesion: sct('52988006', 'Lesion'),
  Nodule: sct('27925004', 'Nodule'),
  Right: sct('24028007', 'Right'),
  Left: sct('7771000', 'Left'),
});
