/**
 * The reviewer's record of a case: a QC report (TID 1500) by an observer in the role Reviewer,
 * every structure decided "agreed" or "escalated" as the review judged it against the SOP, with
 * the metrics, the SOP in force and the reviewer's checklist. Not signed: signing is the
 * adjudicator's (writeAdjudication), whose report revises this one.
 */
import { ENGINE } from '../agreement/engineVersion';
import { DicomValueError } from '../dicom/DicomValueError';
import { randomUid } from '../dicom/uid';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import type { SourceImage } from '../seg/SourceImage';
import { qcReportSeriesUid, writeQcReport } from '../sr/buildQcReport';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import { judgeSegmentations } from '../sr/judgeSegmentations';
import { ANNOTATION_LETTERS } from '../sr/qcCodes';
import type { QcReportInit } from '../sr/QcReport';
import { reportRevision } from '../sr/reportRevision';
import { reportSourceSeries } from '../sr/reportSourceSeries';
import type { SopChecklistResultInit } from '../sr/SopChecklistResult';
import type { Sop } from '../sop/Sop';
import type { CaseReview } from './reviewCase';

/** SeriesNumber of the QC report series, as `segqc report` and the adjudication write it. */
const QC_REPORT_SERIES_NUMBER = 990;

export interface ReviewReportInit {
  /** The annotations as judged, in the order the review named them (`review.annotations`): letters A, B, … */
  annotations: readonly JudgedSegmentation[];
  review: CaseReview;
  sourceImages: readonly SourceImage[];
  sop?: Sop;
  /** `authentication`: the reviewer's sign-in at an OpenID Provider; absent, the report records them as self-declared. */
  reviewer: { name: string; login: string; authentication?: AuthenticatedIdentity; organization?: string };
  checklist?: readonly SopChecklistResultInit[];
  now: Date;
  /** The latest QC report of the study, which this one revises. */
  predecessor?: Uint8Array;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function writeReviewReport(init: ReviewReportInit): { report: Uint8Array; reportSopInstanceUid: string } {
  const { annotations, review } = init;
  if (annotations.length !== review.annotations.length) throw new DicomValueError('annotations', `the review compared ${review.annotations.length} annotations, ${annotations.length} are given`);
  const study = annotations[0].info.studyInstanceUid;
  const revision = init.predecessor === undefined ? undefined : reportRevision(init.predecessor, study);
  const { library, sliceImages } = reportSourceSeries(init.sourceImages, { allowGaps: true });
  const judgement = judgeSegmentations(annotations, { sliceImages, tolerancesMm: review.tolerancesMm });

  // A judged structure is the reviewed structure that holds one of its segments.
  const verdictOf = (letter: string, segmentNumber: number) => {
    const id = review.annotations[ANNOTATION_LETTERS.indexOf(letter as never)];
    const row = review.rows.find((r) => (r.a === id && r.segmentA?.number === segmentNumber) || (r.b === id && r.segmentB?.number === segmentNumber));
    return row ? review.structures[row.structureIndex].verdict : undefined;
  };
  const structures = judgement.structures.map((structure) => {
    const verdict = structure.annotations.map((a) => verdictOf(a.annotation, a.segment.segmentNumber)).find((v) => v !== undefined);
    return verdict === 'escalate' || verdict === 'pass' ? { ...structure, decision: { outcome: verdict === 'escalate' ? ('escalated' as const) : ('agreed' as const) } } : structure;
  });

  const { now, reviewer, sop } = init;
  const date = `${pad(now.getFullYear(), 4)}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const reportSopInstanceUid = randomUid();
  const report: QcReportInit = {
    sopInstanceUid: reportSopInstanceUid,
    seriesInstanceUid: revision?.seriesInstanceUid ?? qcReportSeriesUid(study),
    seriesNumber: revision?.seriesNumber ?? QC_REPORT_SERIES_NUMBER,
    instanceNumber: revision?.instanceNumber ?? 1,
    contentDate: date,
    contentTime: time,
    subject: annotations[0].info.subject,
    observer: {
      name: reviewer.name,
      login: reviewer.login,
      role: 'reviewer',
      ...(reviewer.organization ? { organization: reviewer.organization } : {}),
      ...(reviewer.authentication ? { authentication: reviewer.authentication } : {}),
    },
    algorithm: { name: ENGINE.name, version: ENGINE.version, conventions: judgement.conventions },
    imageLibrary: [library],
    structures,
    ...(sop ? { sop: { id: sop.reference.id, version: sop.reference.version, sha256: sop.reference.sha256 } } : {}),
    ...(init.checklist && init.checklist.length > 0 ? { checklist: init.checklist } : {}),
    ...(revision ? { predecessors: [revision.predecessor] } : {}),
  };
  return { report: writeQcReport(report), reportSopInstanceUid };
}
