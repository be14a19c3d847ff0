/** DICOM Controlled Terminology (DCM, PS3.16 Annex D) concepts SegQC writes, as data. */
import type { CodeInit } from '../dicom/CodedConcept';

const dcm = (value: string, meaning: string): CodeInit => Object.freeze({ value, scheme: 'DCM', meaning });

export const DCM = Object.freeze({
  /** CID 7202 Source Image Purpose of Reference: the image a SEG frame was derived from. */
  SourceImageForImageProcessingOperation: dcm('121322', 'Source image for image processing operation'),
  /** CID 7203 Image Derivation: a segmentation. */
  Segmentation: dcm('113076', 'Segmentation'),
});
