// Test fixture: one whole case written with SegQC's own writers on a small synthetic CT series —
// two annotation SEGs under a SOP (A Rivera, self-declared; B Chen, authenticated, a UUID subject),
// a reviewer's QC report (Lindqvist, authenticated) that escalates the right lung, and an adjudication (reference SEG + verified report by
// Singh, self-declared; the right lung by majority vote — the union of the two balls — the rest
// A's) that revises the review. Everything the audit trail reads, as the PACS would return it,
// built once per test file.
import { writeAdjudication, type WrittenAdjudication } from '../adjudication/writeAdjudication';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { ENGINE } from '../agreement/engineVersion';
import { writePart10 } from '../dicom/part10';
import { uidFromName } from '../dicom/uid';
import { buildBinarySeg } from '../seg/buildBinarySeg';
import { readSegmentation } from '../seg/read/readSegmentation';
import { parseSeg } from '../seg/read/readSegHeader';
import { fixtureInput, maskFrom, syntheticSeries, type SyntheticSeries } from '../seg/syntheticSource.fixture';
import { qcReportSeriesUid, writeQcReport } from '../sr/buildQcReport';
import { describeJudgedSeg } from '../sr/describeJudgedSeg';
import { judgeSegmentations, type JudgedSegmentation } from '../sr/judgeSegmentations';
import type { QcReportInit } from '../sr/QcReport';
import { reportSourceSeries } from '../sr/reportSourceSeries';
import type { PresentInstance, RetrievedStudyObject } from './caseRecordsFromObjects';

/** The sign-ins the fixture records: Chen's subject is longer than 16 characters (a LongCodeValue in the SEG). */
export const SIGN_INS = {
  chen: { issuer: 'https://login.segqc-test.example/realms/radiology', subject: '4f1c2a9e-7d3b-4e8a-9c61-2b5d8f0e1a37' },
  lindqvist: { issuer: 'https://login.segqc-test.example/realms/radiology', subject: 'mlindqvist-01' },
};

/** The SOP the annotators and the reviewer worked under (a made-up digest). */
export const SOP = { id: 'ct-lung-nodule', version: '1.1.0', sha256: 'a3f1c2e4b5d6978812345678901234567890abcdef1234567890abcdef123456' };

export interface AuditCase {
  series: SyntheticSeries;
  studyInstanceUid: string;
  segA: Uint8Array;
  segB: Uint8Array;
  review: Uint8Array;
  referenceSeg: Uint8Array;
  adjudication: Uint8Array;
  reviewInit: QcReportInit;
  /** The two annotations as judged, for writing further adjudications of the case (adjudicationBy). */
  annotations: JudgedSegmentation[];
  uids: { segA: string; segB: string; review: string; referenceSeg: string; adjudication: string };
  /** Everything the PACS holds of the case, as gatherCaseRecords would pass it on. */
  objects: RetrievedStudyObject[];
  images: PresentInstance[];
}

let cached: AuditCase | undefined;

export function auditCase(): AuditCase {
  if (cached) return cached;
  const series = syntheticSeries({ name: 'audit' });
  const studyInstanceUid = series.images[0].StudyInstanceUID;
  const base = fixtureInput(series);
  const segA = writePart10(buildBinarySeg({
    ...base,
    creator: { name: 'Rivera^Ana', login: 'arivera' },
    contentDescription: 'SegQC annotation',
    contentDate: '20260301',
    contentTime: '091500',
    seriesInstanceUID: uidFromName('audit/seg series A'),
    sopInstanceUID: uidFromName('audit/seg A'),
    sop: SOP,
  }));
  // Chen's ball is 1 mm off Rivera's; the box and the empty lesion are the same.
  const segB = writePart10(buildBinarySeg({
    ...base,
    frames: [{ segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x + 13) ** 2 + (y + 22) ** 2 + (z - 30) ** 2 <= 36) }, base.frames[1], base.frames[2]],
    creator: { name: 'Chen^Wei', login: 'wchen', authentication: SIGN_INS.chen },
    contentDescription: 'SegQC annotation',
    contentDate: '20260301',
    contentTime: '104500',
    seriesInstanceUID: uidFromName('audit/seg series B'),
    sopInstanceUID: uidFromName('audit/seg B'),
    sop: SOP,
  }));

  const annotations: JudgedSegmentation[] = [segA, segB].map((bytes) => ({ info: describeJudgedSeg(bytes), segmentation: readSegmentation(bytes, series.images) }));
  const { library, sliceImages } = reportSourceSeries(series.images);
  const judgement = judgeSegmentations(annotations, { sliceImages });
  const reviewInit: QcReportInit = {
    sopInstanceUid: uidFromName('audit/review'),
    seriesInstanceUid: qcReportSeriesUid(studyInstanceUid),
    seriesNumber: 990,
    instanceNumber: 1,
    contentDate: '20260302',
    contentTime: '080000',
    subject: annotations[0].info.subject,
    observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Test Hospital', role: 'reviewer', authentication: SIGN_INS.lindqvist },
    algorithm: { name: ENGINE.name, version: ENGINE.version, conventions: judgement.conventions },
    imageLibrary: [library],
    structures: judgement.structures.map((structure) => ({
      ...structure,
      decision: structure.label === 'Right lung'
        ? { outcome: 'escalated', reasons: [{ reason: 'boundaryDisagreement' }, { reason: 'other', text: 'B drew the ball 1 mm to the right' }] }
        : { outcome: 'agreed' },
    })),
    sop: SOP,
  };
  const review = writeQcReport(reviewInit);

  const adjudicated = writeAdjudication({
    annotations,
    sourceImages: series.images,
    decisions: judgement.structures.map((structure) => structure.label === 'Right lung'
      ? { structureLabel: structure.label, method: { kind: 'majority' }, reasons: [{ reason: 'boundaryDisagreement' }], escalated: true }
      : { structureLabel: structure.label, method: { kind: 'accept', annotation: 'A' }, reasons: [], escalated: false }),
    adjudicator: { name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Test Hospital' },
    now: new Date(2026, 2, 3, 14, 30, 0),
    predecessor: review,
  });

  const seriesOf = (bytes: Uint8Array) => parseSeg(bytes).header.seriesInstanceUID;
  const uids = {
    segA: uidFromName('audit/seg A'),
    segB: uidFromName('audit/seg B'),
    review: reviewInit.sopInstanceUid,
    referenceSeg: adjudicated.referenceSegSopInstanceUid,
    adjudication: adjudicated.reportSopInstanceUid,
  };
  const objects: RetrievedStudyObject[] = [
    { modality: 'SR', seriesInstanceUid: reviewInit.seriesInstanceUid, sopInstanceUid: uids.adjudication, bytes: adjudicated.report },
    { modality: 'SEG', seriesInstanceUid: seriesOf(segB), sopInstanceUid: uids.segB, bytes: segB },
    { modality: 'SR', seriesInstanceUid: reviewInit.seriesInstanceUid, sopInstanceUid: uids.review, bytes: review },
    { modality: 'SEG', seriesInstanceUid: seriesOf(adjudicated.referenceSeg), sopInstanceUid: uids.referenceSeg, bytes: adjudicated.referenceSeg },
    { modality: 'SEG', seriesInstanceUid: seriesOf(segA), sopInstanceUid: uids.segA, bytes: segA },
  ];
  const images = series.images.map((image) => ({ seriesInstanceUid: image.SeriesInstanceUID, sopInstanceUid: image.SOPInstanceUID }));
  cached = { series, studyInstanceUid, segA, segB, review, referenceSeg: adjudicated.referenceSeg, adjudication: adjudicated.report, reviewInit, annotations, uids, objects, images };
  return cached;
}

/** A copy of a SEG with one byte of its Pixel Data inverted: the tampering verify must find. */
export function withOnePixelByteChanged(seg: Uint8Array): Uint8Array {
  const { pixelData } = parseSeg(seg);
  const changed = seg.slice();
  changed[pixelData.offset] ^= 0xff;
  return changed;
}

/**
 * Another adjudication of the fixture's case revising its review, VERIFIED by `adjudicator`
 * (authenticated when the sign-in is given): A accepted for every structure, at `now`. Its report
 * and reference SEG get UIDs named after `name`.
 */
export function adjudicationBy(adjudicator: { name: string; login: string; authentication?: AuthenticatedIdentity }, name: string, now = new Date(2026, 2, 4, 9, 0, 0)): WrittenAdjudication {
  const fixture = auditCase();
  return writeAdjudication({
    annotations: fixture.annotations,
    sourceImages: fixture.series.images,
    decisions: fixture.reviewInit.structures.map((structure) => ({ structureLabel: structure.label, method: { kind: 'accept', annotation: 'A' }, reasons: [], escalated: false })),
    adjudicator: { ...adjudicator, organization: 'SegQC Test Hospital' },
    now,
    predecessor: fixture.review,
    uids: { report: uidFromName(`audit/${name} report`), referenceSeg: uidFromName(`audit/${name} reference SEG`) },
  });
}
