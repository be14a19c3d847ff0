import type { SegmentDescriptionInit } from '../seg/SegmentDescription';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import { ANNOTATION_LETTERS } from '../sr/qcCodes';
import type { AdjudicatedStructure } from './Adjudication';

/** The reference segment, with the structure's identity and colour, saying how it was made. */
export function referenceSegmentDescription(structure: AdjudicatedStructure, segmentNumber: number, annotations: readonly JudgedSegmentation[]): SegmentDescriptionInit {
  const base = {
    segmentNumber,
    label: structure.label,
    category: structure.category,
    type: structure.type,
    ...(structure.typeModifier ? { typeModifier: structure.typeModifier } : {}),
    color: structure.color,
  };
  const { method } = structure.decision;
  const letters = annotations.map((_, n) => ANNOTATION_LETTERS[n]);
  const lacking = letters.filter((letter) => !structure.segments.some((segment) => segment.annotation === letter));
  const lackingNote = lacking.length === 0 ? '' : `; ${lacking.join(', ')} ${lacking.length === 1 ? 'has' : 'have'} no segment of it and counted as empty`;
  switch (method.kind) {
    case 'accept': {
      const { info } = annotations[ANNOTATION_LETTERS.indexOf(method.annotation)];
      const segment = structure.segments.find((candidate) => candidate.annotation === method.annotation)!;
      const who = info.annotatorLogin ?? info.annotatorName ?? 'annotator not named';
      return { ...base, algorithmType: 'MANUAL', description: `Annotation ${method.annotation} (${who}) accepted as the reference standard: SEG ${info.sopInstanceUid}, segment ${segment.segmentNumber}` };
    }
    case 'edited':
      return { ...base, algorithmType: 'MANUAL', description: 'Edited by the adjudicator' };
    case 'majority':
      return { ...base, algorithmType: 'SEMIAUTOMATIC', algorithmName: 'Majority vote', description: `Majority vote of annotations ${letters.join(', ')}: foreground where at least half of them mark it${lackingNote}` };
    case 'staple':
      return { ...base, algorithmType: 'SEMIAUTOMATIC', algorithmName: 'STAPLE', description: `STAPLE consensus of annotations ${letters.join(', ')}: foreground where the posterior is at least 0.5${lackingNote}` };
  }
}
