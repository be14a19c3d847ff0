/**
 * The QC report of one case, validated as a whole on construction: every part is a value object
 * that checks itself (naming the attribute or content-item path it would be written to), and the
 * report checks what only the whole can: one SEG per annotation letter, each segment judged once,
 * structure labels unique, checklist results only with a SOP, no predecessor that is the report
 * itself, a verifier's authentication only as the observer's. buildQcReport writes it; readQcReport reads it back into the same plain data.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { checkDate, checkIntegerString, checkTime, checkUid } from '../dicom/vrChecks';
import { AlgorithmIdentification, type AlgorithmInit } from './AlgorithmIdentification';
import { ImageLibrary, type ImageLibraryGroupInit } from './ImageLibrary';
import { QcObserver, type QcObserverInit } from './QcObserver';
import { QcStructure, type QcStructureInit } from './QcStructure';
import { ReportSubject, type ReportSubjectInit } from './ReportSubject';
import { ReportVerification, type ReportVerificationInit } from './ReportVerification';
import { SopChecklistResult, type SopChecklistResultInit } from './SopChecklistResult';
import { SopInForce, type SopInForceInit } from './SopInForce';

/** An earlier report this one revises (PredecessorDocumentsSequence, Hierarchical SOP Instance Reference Macro). */
export interface PredecessorInit {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopClassUid: string;
  sopInstanceUid: string;
}

export interface QcReportInit {
  sopInstanceUid: string;
  /** The report's series; SegQC keeps the reports of a study, revisions included, in one series. */
  seriesInstanceUid: string;
  seriesNumber: number;
  instanceNumber: number;
  /** ContentDate (DA) and ContentTime (TM): when the report was made. */
  contentDate: string;
  contentTime: string;
  subject: ReportSubjectInit;
  /** The person who reviewed or adjudicated; without one, the SegQC device is the observer. */
  observer?: QcObserverInit;
  /** The engine that measured, with the metric conventions (TID 4019). */
  algorithm: AlgorithmInit;
  /** The source series (TID 1600); at least one. Procedure reported follows their modalities. */
  imageLibrary: readonly ImageLibraryGroupInit[];
  structures: readonly QcStructureInit[];
  sop?: SopInForceInit;
  checklist?: readonly SopChecklistResultInit[];
  predecessors?: readonly PredecessorInit[];
  /** Sign-off: COMPLETE and VERIFIED with this Verifying Observer. */
  verification?: ReportVerificationInit;
}

export class QcReport {
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly seriesNumber: number;
  readonly instanceNumber: number;
  readonly contentDate: string;
  readonly contentTime: string;
  readonly subject: ReportSubject;
  readonly observer?: QcObserver;
  readonly algorithm: AlgorithmIdentification;
  readonly imageLibrary: ImageLibrary;
  readonly structures: readonly QcStructure[];
  readonly sop?: SopInForce;
  readonly checklist: readonly SopChecklistResult[];
  readonly predecessors: readonly Readonly<PredecessorInit>[];
  readonly verification?: ReportVerification;

  constructor(init: QcReportInit) {
    if (init === null || typeof init !== 'object') throw new DicomValueError('(report)', 'a QC report needs its content');
    checkUid(init.sopInstanceUid, 'SOPInstanceUID');
    checkUid(init.seriesInstanceUid, 'SeriesInstanceUID');
    checkIntegerString(init.seriesNumber, 'SeriesNumber', { min: 0 });
    checkIntegerString(init.instanceNumber, 'InstanceNumber', { min: 1 });
    checkDate(init.contentDate, 'ContentDate');
    checkTime(init.contentTime, 'ContentTime');
    this.subject = ReportSubject.from(init.subject);
    const observer = init.observer === undefined ? undefined : QcObserver.from(init.observer);
    this.algorithm = AlgorithmIdentification.from(init.algorithm);
    this.imageLibrary = new ImageLibrary(init.imageLibrary);
    if (!Array.isArray(init.structures) || init.structures.length === 0) throw new DicomValueError('ContentSequence{Imaging Measurements}', 'a QC report judges at least one structure');
    this.structures = Object.freeze(init.structures.map((structure, s) => QcStructure.from(structure, `structures[${s}]`, (n) => `structures[${s}].annotations[${n}]`)));
    checkWhole(this.structures);
    const sop = init.sop === undefined ? undefined : SopInForce.from(init.sop);
    this.checklist = Object.freeze((init.checklist ?? []).map((result, n) => SopChecklistResult.from(result, `checklist[${n}]`)));
    if (this.checklist.length > 0 && sop === undefined) throw new DicomValueError('checklist', 'checklist results need the SOP they belong to (sop)');
    this.predecessors = Object.freeze((init.predecessors ?? []).map((predecessor, n) => checkPredecessor(predecessor, n, init.sopInstanceUid)));
    const verification = init.verification === undefined ? undefined : ReportVerification.from(init.verification);
    if (verification) checkVerifierIdentity(verification, observer);

    this.sopInstanceUid = init.sopInstanceUid;
    this.seriesInstanceUid = init.seriesInstanceUid;
    this.seriesNumber = init.seriesNumber;
    this.instanceNumber = init.instanceNumber;
    this.contentDate = init.contentDate;
    this.contentTime = init.contentTime;
    if (observer) this.observer = observer;
    if (sop) this.sop = sop;
    if (verification) this.verification = verification;
    Object.freeze(this);
  }

  /** As plain data: what readQcReport gives back for the written report. */
  toInit(): QcReportInit {
    return {
      sopInstanceUid: this.sopInstanceUid,
      seriesInstanceUid: this.seriesInstanceUid,
      seriesNumber: this.seriesNumber,
      instanceNumber: this.instanceNumber,
      contentDate: this.contentDate,
      contentTime: this.contentTime,
      subject: { ...this.subject.init },
      ...(this.observer ? { observer: this.observer.toInit() } : {}),
      algorithm: { name: this.algorithm.name, version: this.algorithm.version, conventions: { ...this.algorithm.conventions } },
      imageLibrary: this.imageLibrary.toInit(),
      structures: this.structures.map((structure) => structure.toInit()),
      ...(this.sop ? { sop: { id: this.sop.id, version: this.sop.version, sha256: this.sop.sha256 } } : {}),
      ...(this.checklist.length > 0 ? { checklist: this.checklist.map((result) => ({ itemId: result.itemId, checked: result.checked })) } : {}),
      ...(this.predecessors.length > 0 ? { predecessors: this.predecessors.map((predecessor) => ({ ...predecessor })) } : {}),
      ...(this.verification ? { verification: this.verification.toInit() } : {}),
    };
  }

  static from(init: QcReport | QcReportInit): QcReport {
    return init instanceof QcReport ? init : new QcReport(init);
  }
}

/** One SEG per letter, one letter per SEG, one annotator per letter, each segment once, unique labels. */
function checkWhole(structures: readonly QcStructure[]): void {
  const segOfLetter = new Map<string, { sopInstanceUid: string; annotatorName?: string; annotatorLogin?: string }>();
  const letterOfSeg = new Map<string, string>();
  const segments = new Set<string>();
  const labels = new Set<string>();
  structures.forEach((structure, s) => {
    if (labels.has(structure.label)) throw new DicomValueError(`structures[${s}].label`, `"${structure.label}" is the label of an earlier structure; each structure is reported once`);
    labels.add(structure.label);
    structure.annotations.forEach((annotation, n) => {
      const at = `structures[${s}].annotations[${n}]`;
      const { sopInstanceUid, segmentNumber } = annotation.segment;
      const known = segOfLetter.get(annotation.annotation);
      if (known === undefined) segOfLetter.set(annotation.annotation, { sopInstanceUid, annotatorName: annotation.annotatorName, annotatorLogin: annotation.annotatorLogin });
      else if (known.sopInstanceUid !== sopInstanceUid) throw new DicomValueError(`${at}.segment.sopInstanceUid`, `annotation ${annotation.annotation} is the SEG ${known.sopInstanceUid} in an earlier structure, not ${sopInstanceUid}`);
      else if (known.annotatorName !== annotation.annotatorName || known.annotatorLogin !== annotation.annotatorLogin) throw new DicomValueError(`${at}.annotatorName`, `annotation ${annotation.annotation} names another annotator in an earlier structure`);
      const letter = letterOfSeg.get(sopInstanceUid);
      if (letter !== undefined && letter !== annotation.annotation) throw new DicomValueError(`${at}.annotation`, `the SEG ${sopInstanceUid} is annotation ${letter} in an earlier structure, not ${annotation.annotation}`);
      letterOfSeg.set(sopInstanceUid, annotation.annotation);
      const key = `${sopInstanceUid}#${segmentNumber}`;
      if (segments.has(key)) throw new DicomValueError(`${at}.segment.segmentNumber`, `segment ${segmentNumber} of ${sopInstanceUid} is judged in an earlier structure too`);
      segments.add(key);
    });
  });
}

/**
 * The report records one identity marker, the observer's (QcObserver.identityItems), and the
 * Verifying Observer Sequence has no room for another: a verifier who is the observer (same name
 * and login) has the observer's authentication, and any other verifier none.
 */
function checkVerifierIdentity(verification: ReportVerification, observer: QcObserver | undefined): void {
  const same = observer !== undefined && observer.name === verification.name && observer.login === verification.login;
  const expected = same ? observer.authentication : undefined;
  const given = verification.authentication;
  if (given?.issuer === expected?.issuer && given?.subject === expected?.subject) return;
  throw new DicomValueError('VerifyingObserverSequence[0]', same
    ? `the verifier is the observer ${verification.login}: give the observer's authentication (${expected ? 'authenticated' : 'none: self-declared'}), the one the report records`
    : `a verifier other than the observer cannot be recorded as authenticated (the report records the observer's identity only)`);
}

function checkPredecessor(predecessor: PredecessorInit, n: number, self: string): Readonly<PredecessorInit> {
  const at = `PredecessorDocumentsSequence[${n}]`;
  if (predecessor === null || typeof predecessor !== 'object') throw new DicomValueError(at, 'a predecessor needs study, series, SOP class and instance UIDs');
  checkUid(predecessor.studyInstanceUid, `${at}.StudyInstanceUID`);
  checkUid(predecessor.seriesInstanceUid, `${at}.ReferencedSeriesSequence[0].SeriesInstanceUID`);
  checkUid(predecessor.sopClassUid, `${at}.ReferencedSeriesSequence[0].ReferencedSOPSequence[0].ReferencedSOPClassUID`);
  checkUid(predecessor.sopInstanceUid, `${at}.ReferencedSeriesSequence[0].ReferencedSOPSequence[0].ReferencedSOPInstanceUID`);
  if (predecessor.sopInstanceUid === self) throw new DicomValueError(`${at}.ReferencedSeriesSequence[0].ReferencedSOPSequence[0].ReferencedSOPInstanceUID`, 'a report cannot revise itself');
  return Object.freeze({ studyInstanceUid: predecessor.studyInstanceUid, seriesInstanceUid: predecessor.seriesInstanceUid, sopClassUid: predecessor.sopClassUid, sopInstanceUid: predecessor.sopInstanceUid });
}
