/**
 * The structures of a case exactly as the QC report will list them (judgeSegmentations: labels,
 * codes, and which annotation letter has which segment), without measuring anything.
 * judgeSegmentations joins segments by what they are alone (matchSegments: type code with
 * modifier, then category, then label), never by their voxels, so judging stand-ins whose masks
 * are one empty voxel gives the same structures in microseconds. writeAdjudication then measures
 * them with every segment named by its structure, so the report has exactly these.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import type { AnnotationLetter } from '../sr/qcCodes';
import { judgeSegmentations, type JudgedSegmentation } from '../sr/judgeSegmentations';
import { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';

export interface StructureToAdjudicate {
  /** The label the report gives it (unique in the case). */
  label: string;
  category?: CodeInit;
  type?: CodeInit;
  typeModifier?: CodeInit;
  /** Its segment in each annotation that has one, in annotation order. */
  segments: ReadonlyArray<{ annotation: AnnotationLetter; segmentNumber: number }>;
}

const ONE_VOXEL: VoxelGrid = Object.freeze({
  columns: 1, rows: 1, slices: 1, spacing: [1, 1, 1], origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
} as const);

export function structuresToAdjudicate(annotations: readonly JudgedSegmentation[]): StructureToAdjudicate[] {
  const empty = new BitMask(ONE_VOXEL);
  const standIns = annotations.map(({ info, segmentation }) => ({
    info,
    segmentation: { grid: ONE_VOXEL, segments: segmentation.segments.map((segment) => ({ ...segment, mask: empty })), source: {} },
  }));
  return judgeSegmentations(standIns).structures.map((structure) => ({
    label: structure.label,
    ...(structure.category ? { category: structure.category } : {}),
    ...(structure.type ? { type: structure.type } : {}),
    ...(structure.typeModifier ? { typeModifier: structure.typeModifier } : {}),
    segments: structure.annotations.map((annotation) => ({ annotation: annotation.annotation, segmentNumber: annotation.segment.segmentNumber })),
  }));
}
