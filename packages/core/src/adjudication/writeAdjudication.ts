/**
 * Signing an adjudication writes two objects (packages/core/src/sr/README.md, "Adjudication"):
 *
 * 1. the reference-standard SEG: BINARY, ContentLabel ADJUDICATED, created by the adjudicator,
 *    on the source series, with the SOP in ProtocolName; one segment per structure, in report
 *    order, keeping the structure's label, codes and colour. Segment Algorithm Type says how it
 *    was made: MANUAL for an accepted or edited annotation, SEMIAUTOMATIC named "Majority vote" or
 *    "STAPLE" for a consensus — computed, but from the annotators' manual delineations and by
 *    the adjudicator's choice, not by a model reading the image (AUTOMATIC). Segment Description
 *    says which annotation was accepted or which were combined.
 * 2. the QC report, signed (VERIFIED) by the adjudicator as observer with role Adjudicator: the
 *    reference SEG is judged with the annotations as one more annotation (the next letter), so its
 *    agreement with every annotator is measured and the group says Reference standard =
 *    Adjudicated; each structure carries the decision (agreed when it was not escalated, unless
 *    the adjudicator edited it) and its coded reasons; the SOP in force and the checklist; the
 *    earlier report it revises (Predecessor Documents, same series, next instance number).
 *
 * Both get new random SOP Instance UIDs unless the adjudication gives them (AdjudicationInit.uids).
 *
 * How the adjudicator's identity is known is recorded in both: the report's Observer identity
 * items (authenticated with issuer and subject, or self-declared) and the SEG's creator marker
 * (ContentDescription, and the subject code with its issuer; seg/buildBinarySeg.ts).
 */
import { ENGINE } from '../agreement/engineVersion';
import { writePart10 } from '../dicom/part10';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { randomUid, uidFromName } from '../dicom/uid';
import { buildBinarySeg } from '../seg/buildBinarySeg';
import { qcReportSeriesUid, writeQcReport } from '../sr/buildQcReport';
import { describeJudgedSeg } from '../sr/describeJudgedSeg';
import { judgeSegmentations, type JudgedSegmentation } from '../sr/judgeSegmentations';
import { ANNOTATION_LETTERS } from '../sr/qcCodes';
import type { QcReportInit } from '../sr/QcReport';
import type { QcStructureInit } from '../sr/QcStructure';
import { reportSourceSeries } from '../sr/reportSourceSeries';
import { Adjudication, type AdjudicatedStructure, type AdjudicationInit } from './Adjudication';
import { dicomDateTime } from './dicomDateTime';
import { maskInSourceOrder } from './maskInSourceOrder';
import { qcDecisionOf } from './qcDecisionOf';
import { referenceMaskOf } from './referenceMaskOf';
import { referenceSegmentDescription } from './referenceSegmentDescription';

export interface WrittenAdjudication {
  /** The reference-standard SEG, Part 10. */
  referenceSeg: Uint8Array;
  /** The verified QC report, Part 10. */
  report: Uint8Array;
  referenceSegSopInstanceUid: string;
  reportSopInstanceUid: string;
}

/** What the reference SEG is; buildBinarySeg appends the creator marker ("…; creator self-declared"). */
export const REFERENCE_SEG_CONTENT_DESCRIPTION = 'SegQC adjudicated reference standard';

/** SeriesNumber of a study's reference-standard SEGs. */
export const REFERENCE_SEG_SERIES_NUMBER = 980;
export const REFERENCE_SEG_SERIES_DESCRIPTION = 'SegQC reference standard';
/** SeriesNumber of the QC report series, as `segqc report` writes it. */
const QC_REPORT_SERIES_NUMBER = 990;

/** The series of a study's reference-standard SEGs: every adjudication, revisions included, joins it. */
export function referenceSegSeriesUid(studyInstanceUid: string): string {
  return uidFromName(`SegQC reference standards of ${studyInstanceUid}`);
}

export function writeAdjudication(input: Adjudication | AdjudicationInit): WrittenAdjudication {
  const adjudication = Adjudication.from(input);
  const { annotations, structures, sourceImages, adjudicator, sop, revision } = adjudication;
  const study = annotations[0].info.studyInstanceUid;
  const { date, time } = dicomDateTime(adjudication.now);
  const instanceNumber = revision?.instanceNumber ?? 1;

  // (1) The reference SEG.
  const masks = structures.map((structure) => referenceMaskOf(structure, annotations, adjudication.grid));
  const referenceSegSopInstanceUid = adjudication.uids?.referenceSeg ?? randomUid();
  const referenceSeg = writePart10(buildBinarySeg({
    sourceImages,
    segments: structures.map((structure, s) => referenceSegmentDescription(structure, s + 1, annotations)),
    frames: masks.map((mask, s) => ({ segmentNumber: s + 1, mask: maskInSourceOrder(mask, adjudication.sliceOrder, sourceImages.length, `structures[${s}]`) })),
    creator: { name: adjudicator.name, login: adjudicator.login, institutionName: adjudication.institutionName, ...authenticationOf(adjudicator) },
    contentLabel: 'ADJUDICATED',
    contentDescription: REFERENCE_SEG_CONTENT_DESCRIPTION,
    contentDate: date,
    contentTime: time,
    seriesInstanceUID: referenceSegSeriesUid(study),
    sopInstanceUID: referenceSegSopInstanceUid,
    seriesNumber: REFERENCE_SEG_SERIES_NUMBER,
    seriesDescription: REFERENCE_SEG_SERIES_DESCRIPTION,
    instanceNumber,
    equipment: adjudication.equipment,
    ...(sop ? { sop: sop.reference } : {}),
  }));

  // (2) The report: the reference judged as one more annotation, each segment in its structure.
  const reference: JudgedSegmentation = {
    info: describeJudgedSeg(referenceSeg),
    segmentation: { grid: annotations[0].segmentation.grid, segments: masks.map((mask, s) => ({ number: s + 1, label: structures[s].label, mask })), source: {} },
  };
  const { library, sliceImages } = reportSourceSeries(sourceImages, { allowGaps: true });
  const keyed = [
    ...annotations.map((annotation, n) => asStructureKeys(annotation, (number) => structureKey(structureOfSegment(structures, ANNOTATION_LETTERS[n], number)))),
    asStructureKeys(reference, (number) => structureKey(number - 1)),
  ];
  const judgement = judgeSegmentations(keyed, { ...adjudication.metrics, sliceImages });

  const reportSopInstanceUid = adjudication.uids?.report ?? randomUid();
  const organization = adjudication.institutionName;
  const init: QcReportInit = {
    sopInstanceUid: reportSopInstanceUid,
    seriesInstanceUid: revision?.seriesInstanceUid ?? qcReportSeriesUid(study),
    seriesNumber: revision?.seriesNumber ?? QC_REPORT_SERIES_NUMBER,
    instanceNumber,
    contentDate: date,
    contentTime: time,
    subject: annotations[0].info.subject,
    observer: { name: adjudicator.name, login: adjudicator.login, organization, role: 'adjudicator', ...authenticationOf(adjudicator) },
    algorithm: { name: ENGINE.name, version: ENGINE.version, conventions: judgement.conventions },
    imageLibrary: [library],
    structures: structures.map((structure, s) => reportStructureOf(structure, judgementOf(judgement.structures, s, ANNOTATION_LETTERS[annotations.length]))),
    ...(sop ? { sop: { id: sop.reference.id, version: sop.reference.version, sha256: sop.reference.sha256 } } : {}),
    ...(adjudication.checklist.length > 0 ? { checklist: adjudication.checklist } : {}),
    ...(revision ? { predecessors: [revision.predecessor] } : {}),
    // The adjudicator verifies their own report: the verifier is the observer, with the same sign-in.
    verification: { name: adjudicator.name, login: adjudicator.login, organization, dateTime: `${date}${time}`, ...authenticationOf(adjudicator) },
  };
  return { referenceSeg, report: writeQcReport(init), referenceSegSopInstanceUid, reportSopInstanceUid };
}

const authenticationOf = ({ authentication }: { authentication?: AuthenticatedIdentity }) => (authentication ? { authentication } : {});

/**
 * The annotation for judgeSegmentations with each segment named by its structure's key alone (no
 * codes; labels unique): judgeSegmentations joins segments by what they are, and segments no match
 * could tell apart (two "Lesion"s of one annotator) would not find their reference segment by
 * codes and labels. Named by key, every segment joins the structure it was adjudicated in.
 */
function asStructureKeys(annotation: JudgedSegmentation, keyOf: (segmentNumber: number) => string): JudgedSegmentation {
  const { segmentation } = annotation;
  return { info: annotation.info, segmentation: { ...segmentation, segments: segmentation.segments.map((segment) => ({ number: segment.number, label: keyOf(segment.number), mask: segment.mask })) } };
}

const structureKey = (s: number): string => `structure ${s + 1}`;

/** The index of the structure annotation `letter`'s segment `number` was adjudicated in. */
function structureOfSegment(structures: readonly AdjudicatedStructure[], letter: string, number: number): number {
  const s = structures.findIndex((structure) => structure.segments.some((segment) => segment.annotation === letter && segment.segmentNumber === number));
  if (s < 0) throw new Error(`segment ${number} of annotation ${letter} is in no adjudicated structure`);
  return s;
}

/** The measured structure `s`: its annotations, the reference's segment s + 1 last. */
function judgementOf(judged: readonly QcStructureInit[], s: number, referenceLetter: string): QcStructureInit {
  const found = judged.find((structure) => structure.label === structureKey(s));
  const last = found?.annotations[found.annotations.length - 1];
  if (found === undefined || last?.annotation !== referenceLetter || last.segment.segmentNumber !== s + 1) {
    throw new Error(`structure ${s + 1} was measured without its reference segment: the structure keys did not join it`);
  }
  return found;
}

/** The report's structure: the measured annotations and agreements, the structure's label and codes, the decision. */
function reportStructureOf(structure: AdjudicatedStructure, measured: QcStructureInit): QcStructureInit {
  return {
    label: structure.label,
    category: structure.category,
    type: structure.type,
    ...(structure.typeModifier ? { typeModifier: structure.typeModifier } : {}),
    annotations: measured.annotations,
    ...(measured.agreements ? { agreements: measured.agreements } : {}),
    decision: qcDecisionOf(structure.decision),
  };
}
