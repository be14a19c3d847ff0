/**
 * The audit trail of one case (DESIGN.md "Audit trail"): the events its DICOM objects record, read
 * from the PACS — each annotation SEG, each reference-standard SEG, each QC report — with who,
 * when, under which SOP, what was decided and measured, and the hashes that make it tamper-evident.
 */
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import type { QcAgreementInit } from '../sr/QcAgreement';
import type { AnnotationLetter, QcReasonKey, QcReferenceStandard } from '../sr/qcCodes';
import type { QcOutcome } from '../sr/QcDecision';
import type { QcRole } from '../sr/QcObserver';
import type { PredecessorInit } from '../sr/QcReport';

/** Who made or signed an object, as the object says. */
export interface AuditPerson {
  /** DICOM PN, e.g. `Rivera^Ana`. */
  name?: string;
  login?: string;
  organization?: string;
  /**
   * The OpenID Provider's issuer and subject the object records for them. Absent: self-declared —
   * the object says so, or says nothing (another writer's, or SegQC's before it recorded sign-ins).
   */
  authentication?: AuthenticatedIdentity;
}

/** The SOP an object was made under: a SEG records the first 16 hex digits of its hash, a QC report all 64. */
export interface AuditSop {
  id: string;
  version: string;
  /** Lowercase hex: 16 digits from a SEG's ProtocolName, 64 from a QC report. */
  hash: string;
}

/** The SEG roles of SegQC (SegContentLabel): the annotator of an annotation, the adjudicator of a reference, the author of a gold standard. */
export type SegCreatorRole = 'annotator' | 'adjudicator' | 'gold-standard-author';

interface SegEventBase {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  instanceNumber?: number;
  /** ContentLabel as written; SegQC writes ANNOTATION, ADJUDICATED or GOLD. */
  contentLabel?: string;
  creator: AuditPerson;
  role: SegCreatorRole;
  /** ContentDate + ContentTime as `YYYY-MM-DDTHH:MM:SS[.ffffff]`, when the SEG has them. */
  dateTime?: string;
  /** The SOP of ProtocolName (`id@version+hash`), when it holds one. */
  sop?: AuditSop;
  /** ProtocolName when it is not a SOP reference (another tool's text). */
  protocolName?: string;
  /** The series the segments were drawn on (first item of ReferencedSeriesSequence). */
  sourceSeriesInstanceUid: string;
  /** SHA-256 of the Pixel Data value as stored (describeJudgedSeg), lowercase hex. */
  pixelDataSha256: string;
  /** Labels of the segments, in SegmentSequence order. */
  segmentLabels: string[];
  /**
   * For a SEG that names no creator (OHIF's own export): the name SegQC gives it, from its series
   * description, Operators' Name or series number, marked "(unattributed)" (segAttribution). Who a
   * reviewer later said made it is in that report's judged SEGs.
   */
  unattributedAs?: string;
}

/** An annotator's segmentation (ContentLabel ANNOTATION, or a SEG of another writer with no SegQC role). */
export interface AnnotationEvent extends SegEventBase {
  kind: 'annotation';
}

/** A reference standard: ContentLabel ADJUDICATED (an adjudicator's) or GOLD (a calibration case's). */
export interface ReferenceSegEvent extends SegEventBase {
  kind: 'reference';
  /**
   * Its DICOM Digital Signatures as checked (objectSignatures.ts), in Digital Signatures Sequence
   * order; [] unsigned. Absent: not checked (the records were read without a SignatureChecker).
   */
  signatures?: SignatureRecord[];
}

export type SegEvent = AnnotationEvent | ReferenceSegEvent;

/** A judged SEG as a QC report records it: which instance, and the hash of the pixels that were judged. */
export interface JudgedSegRecord {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  sopClassUid: string;
  /** The report's letters for it (one SEG is one annotation across all structures). */
  annotation: AnnotationLetter;
  annotator: { name?: string; login?: string };
  /** Recorded SHA-256 of the SEG's Pixel Data. */
  pixelDataSha256: string;
  /** Set when the report judged a reference standard (ADJUDICATED / GOLD SEG). */
  referenceStandard?: QcReferenceStandard;
  /** The SEG names no creator and the report's reviewer said who made it (`annotator` is that person). */
  attributedByReviewer?: true;
  /** Segments the reviewer mapped to a structure by hand: number and the structure's label. */
  mappedByReviewer?: Array<{ segmentNumber: number; structure: string }>;
}

/** The decision on one structure, with its coded reasons. */
export interface StructureDecisionRecord {
  structure: string;
  outcome: QcOutcome;
  acceptedAnnotation?: AnnotationLetter;
  reasons: { reason: QcReasonKey; text?: string }[];
}

/** The agreement of two annotations on one structure, as measured and recorded. */
export interface PairMetricsRecord extends Omit<QcAgreementInit, 'between'> {
  structure: string;
  between: [AnnotationLetter, AnnotationLetter];
  /** The SOP Instance UIDs of the two SEGs, in the order of `between`. */
  segSopInstanceUids: [string, string];
  /** The segment volumes (mL) of the two, in the order of `between`. */
  volumesMl: [number, number];
}

/** A SegQC QC report (TID 1500 SR): a review, or an adjudication when its observer is an adjudicator. */
export interface QcReportEvent {
  kind: 'qc-report';
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  instanceNumber: number;
  /** ContentDate + ContentTime as `YYYY-MM-DDTHH:MM:SS[.ffffff]`. */
  dateTime: string;
  /** The person observer; absent for a report written by a device alone. */
  observer?: AuditPerson & { role: QcRole };
  sop?: AuditSop;
  decisions: StructureDecisionRecord[];
  metrics: PairMetricsRecord[];
  judged: JudgedSegRecord[];
  /** Predecessor Documents: the reports this one revises. */
  predecessors: PredecessorInit[];
  /** The sign-off (VERIFIED), when signed; `authentication` as for the observer, whom the verifier is in SegQC. */
  verification?: { name: string; login: string; organization?: string; dateTime: string; authentication?: AuthenticatedIdentity };
  /** Images of the Image Library: what the measurements were made on. */
  imageLibrary: { seriesInstanceUid: string; sopInstanceUids: string[] }[];
  /**
   * Its DICOM Digital Signatures as checked (objectSignatures.ts), in Digital Signatures Sequence
   * order; [] unsigned. Absent: not checked (the records were read without a SignatureChecker).
   */
  signatures?: SignatureRecord[];
}

/**
 * One DICOM Digital Signature of a QC report or a reference SEG (PS3.15 Annex C), as checked.
 * `valid`: the MAC and the signature verify and it signs what binds it to this object (a report's
 * PS3.15 C.4 required attributes; a SEG's identity, segments and pixels), and — with a trust store — the certificate was issued by one of its certificates and
 * valid at the signing time; `untrusted`: it verifies, but its certificate is not so trusted;
 * `invalid`: it does not verify, or binds nothing of this report.
 */
export interface SignatureRecord {
  status: 'valid' | 'untrusted' | 'invalid';
  /** Whether the certificate was checked against a trust store. */
  trustChecked: boolean;
  /** Why it is invalid or untrusted. */
  reason?: string;
  /** Digital Signature UID (0400,0100). */
  uid?: string;
  /** Digital Signature DateTime as ISO 8601: the instant (UTC) when it is a DT, else the text as written. */
  signedAt?: string;
  /** Digital Signature Purpose (CID 7007): code value and meaning, e.g. 5, Verification Signature. */
  purpose?: { code: string; meaning: string };
  /** The signer certificate's subject common name (else its whole subject). */
  signer?: string;
  /**
   * false: the signature is over DCMTK's stream, which leaves parts of the content tree out
   * (signature/README.md); the journal's standard-stream hash is what protects those.
   */
  coversAllSignedData?: boolean;
  /** SHA-256 of the standard MAC stream of its Data Elements Signed as retrieved, lowercase hex (what the journal records as signed). */
  standardStreamSha256?: string;
}

export type AuditEvent = AnnotationEvent | ReferenceSegEvent | QcReportEvent;

/** An object of the case that could not be read as what it claims to be. */
export interface UnreadableObject {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** What it was taken for: a SEG, or an SR of the study's QC report series. */
  expected: 'SEG' | 'QC report';
  reason: string;
}

/** The audit records of one case (study), events in time order. */
export interface CaseRecords {
  studyInstanceUid: string;
  /** Patient identity of the study, for an export that asks for it; never logged. */
  patient: { name?: string; id?: string };
  events: AuditEvent[];
  unreadable: UnreadableObject[];
}

/** What the PACS holds now, by SOP Instance UID: the kind of object and, for a SEG, its current pixel-data hash. */
export interface RetrievedObject {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** seg: a Segmentation; qc-report: a SegQC QC report; sr: another SR; image: a source image; unreadable: not readable as what it claims. */
  kind: 'seg' | 'qc-report' | 'sr' | 'image' | 'unreadable';
  /** Current SHA-256 of a SEG's Pixel Data. */
  pixelDataSha256?: string;
  /** SHA-256 of the object's bytes as retrieved (SEGs and SRs: what the journal of writes recorded). */
  sha256?: string;
}

export type RetrievedObjects = ReadonlyMap<string, RetrievedObject>;
