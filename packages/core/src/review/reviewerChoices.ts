/**
 * What a reviewer sets by hand where a SEG does not say it (issue 13): who made a SEG that names no
 * creator (OHIF's own export names none), and which SOP structure a segment is when its label and
 * codes name none ("Segment 1", coded "Tissue"). The choices are recorded in the review's QC report
 * (QcAnnotationInit.setByReviewer) and read back from the case's latest report by every surface —
 * `segqc qc`, drift, the audit export and the viewer — so that the attributed SEG enters its
 * person's drift chart and the mapped segment is compared as its structure. Plain data: it crosses
 * worker boundaries.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import type { AttributedPerson } from '../identity/segAttribution';
import type { SopStructure } from '../sop/Sop';
import type { JudgedSegInfo } from '../sr/describeJudgedSeg';
import type { QcReportInit } from '../sr/QcReport';
import type { Segmentation } from '../volume/Segmentation';

/** The SOP structure a segment was mapped to: its label and codes, as the report's structure records them. */
export interface MappedStructure {
  label: string;
  category?: CodeInit;
  type?: CodeInit;
  typeModifier?: CodeInit;
}

export interface ReviewerChoices {
  /** By SEG SOP Instance UID. */
  attributions: Readonly<Record<string, AttributedPerson>>;
  /** By segmentKey(SEG SOP Instance UID, segment number). */
  structures: Readonly<Record<string, MappedStructure>>;
}

/** What a SOP structure is, as a mapping records it. */
export function mappedStructureOf(structure: SopStructure): MappedStructure {
  return { label: structure.label, category: structure.category, type: structure.type, ...(structure.typeModifier ? { typeModifier: structure.typeModifier } : {}) };
}

export const NO_REVIEWER_CHOICES: ReviewerChoices = Object.freeze({ attributions: Object.freeze({}), structures: Object.freeze({}) });

export function segmentKey(sopInstanceUid: string, segmentNumber: number): string {
  return `${sopInstanceUid}#${segmentNumber}`;
}

/**
 * The choices the case's reports record, oldest report first (revision order): a later report's
 * choice for a SEG or segment replaces an earlier one, and one that records none (an adjudication
 * written without them) leaves them standing.
 */
export function reviewerChoicesOfReports(reports: readonly QcReportInit[]): ReviewerChoices {
  const attributions: Record<string, AttributedPerson> = {};
  const structures: Record<string, MappedStructure> = {};
  for (const structure of reports.flatMap((report) => report.structures)) {
    for (const annotation of structure.annotations) {
      const { sopInstanceUid, segmentNumber } = annotation.segment;
      if (annotation.setByReviewer?.includes('annotator') && annotation.annotatorName !== undefined) {
        attributions[sopInstanceUid] = { name: annotation.annotatorName, ...(annotation.annotatorLogin !== undefined ? { login: annotation.annotatorLogin } : {}) };
      }
      if (annotation.setByReviewer?.includes('structure')) {
        const { label, category, type, typeModifier } = structure;
        structures[segmentKey(sopInstanceUid, segmentNumber)] = { label, ...(category ? { category } : {}), ...(type ? { type } : {}), ...(typeModifier ? { typeModifier } : {}) };
      }
    }
  }
  return { attributions, structures };
}

/** The segmentation with each segment the reviewer mapped given that structure's label and codes, so that it is compared as that structure. */
export function withMappedStructures(segmentation: Segmentation, sopInstanceUid: string, choices: ReviewerChoices): Segmentation {
  const mapped = segmentation.segments.map((segment) => {
    const structure = choices.structures[segmentKey(sopInstanceUid, segment.number)];
    if (structure === undefined) return segment;
    const { category: _category, type: _type, typeModifier: _modifier, ...rest } = segment;
    return { ...rest, ...structure };
  });
  return { ...segmentation, segments: mapped };
}

/** What the report records of a judged SEG, with the reviewer's attribution and mappings of it. */
export function judgedInfoWithChoices(info: JudgedSegInfo, segmentation: Segmentation, choices: ReviewerChoices): JudgedSegInfo {
  const person = info.annotatorName === undefined && info.annotatorLogin === undefined ? choices.attributions[info.sopInstanceUid] : undefined;
  const mapped = segmentation.segments.map((segment) => segment.number).filter((number) => choices.structures[segmentKey(info.sopInstanceUid, number)] !== undefined);
  return {
    ...info,
    ...(person ? { annotatorName: person.name, ...(person.login !== undefined ? { annotatorLogin: person.login } : {}), attributedByReviewer: true as const } : {}),
    ...(mapped.length > 0 ? { segmentsMappedByReviewer: mapped } : {}),
  };
}
