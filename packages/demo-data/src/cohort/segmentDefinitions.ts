/** The segments every demo SEG describes, as data (codes from @segqc/core's SCT table). */
import { SCT, type SegmentDescriptionInit } from '@segqc/core';

export const CT_SEGMENTS: readonly SegmentDescriptionInit[] = Object.freeze([
  { segmentNumber: 1, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, algorithmType: 'MANUAL', color: [80, 160, 220] },
  { segmentNumber: 2, label: 'Left lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Left, algorithmType: 'MANUAL', color: [90, 200, 140] },
  { segmentNumber: 3, label: 'Lung nodule', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule, anatomicRegion: SCT.Lung, algorithmType: 'MANUAL', color: [240, 80, 60] },
]);

/** Segment number of the lesion segment, per kind of study. */
export const CT_NODULE_SEGMENT = 3;

export const MR_SEGMENTS: readonly SegmentDescriptionInit[] = Object.freeze([
  { segmentNumber: 1, label: 'White matter lesion', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Lesion, anatomicRegion: SCT.Brain, algorithmType: 'MANUAL', color: [250, 200, 40] },
]);

export const MR_LESION_SEGMENT = 1;
