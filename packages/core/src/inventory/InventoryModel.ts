import type { SegAttribution } from '../identity/segAttribution';
/**
 * What the PACS holds of one case (one study) for the programme's QC: its annotations, its
 * reference standards, its QC reports, and the QC state they put it in (inventory/README.md).
 * Plain data: it crosses Web Worker and worker_threads boundaries and is written as JSON.
 */
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import type { ParsedSopReference } from '../seg/SopReference';
import type { QcReportInit } from '../sr/QcReport';
import type { ReviewerChoices } from '../review/reviewerChoices';

/**
 * Where a case stands in the QC workflow (DESIGN.md "Who uses it"):
 * - `not-double-read`: fewer than two annotations of one series;
 * - `awaiting-review`: two or more, and no review has decided every structure yet;
 * - `agreed`: the latest review agreed on every structure;
 * - `escalated`: the latest review escalated a structure, and no signed adjudication came after it;
 * - `adjudicated`: a signed adjudication is in force.
 */
export const QC_STATES = Object.freeze(['not-double-read', 'awaiting-review', 'agreed', 'escalated', 'adjudicated'] as const);
export type QcState = (typeof QC_STATES)[number];

/** One SEG as its series metadata describes it (no pixel data read). */
export interface InventorySeg {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  /** ContentLabel as written: ANNOTATION, ADJUDICATED, GOLD (SegContentLabel), another tool's, or null. */
  contentLabel: string | null;
  /**
   * ContentCreatorName (DICOM PN, `Family^Given`), the login of ContentCreatorIdentificationCodeSequence,
   * and the creator's sign-in when the SEG records one (absent: self-declared).
   */
  creator: { name: string | null; login: string | null; authentication?: AuthenticatedIdentity };
  /** Who it is attributed to, by the one rule of every surface (segAttribution): the creator, else its series' words, marked unattributed. */
  attribution: SegAttribution;
  /** ContentDate (YYYYMMDD) and ContentTime as written. */
  contentDate: string | null;
  contentTime: string | null;
  /** The SOP in force when it was made (ProtocolName `id@version+hash`), or null when it names none. */
  sop: ParsedSopReference | null;
  /** The series it was drawn on (the first item of ReferencedSeriesSequence). */
  sourceSeriesInstanceUid: string | null;
  /**
   * SliceThickness of its shared Pixel Measures, as written (OHIF copies the gap between painted
   * frames there); null when it gives none. Frames are placed by position, never by this.
   */
  sliceThicknessMm: number | null;
  /** SegmentLabel of each segment, in SegmentSequence order. */
  segmentLabels: string[];
}

/** A SegQC QC report of the case, read in full. */
export interface InventoryQcReport {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  report: QcReportInit;
}

/** An object of the case that could not be read: listed, never dropped in silence. */
export interface InventoryUnreadable {
  sopInstanceUid: string | null;
  seriesInstanceUid: string;
  modality: 'SEG' | 'SR';
  reason: string;
}

export interface CaseInventory {
  studyInstanceUid: string;
  /** The series the annotations are compared on: the one with most annotations (else the references' source). */
  sourceSeriesInstanceUid: string | null;
  /** Modality of that series, from the study's series search; null when it is not in the study. */
  modality: string | null;
  /**
   * Annotation candidates, oldest first: every SEG that is not a reference standard — ANNOTATION,
   * OHIF's SEGMENTATION, another tool's label or none: one more reader's opinion either way.
   */
  annotations: InventorySeg[];
  /** Reference standards (ContentLabel ADJUDICATED or GOLD), oldest first. */
  references: InventorySeg[];
  /** SegQC QC reports, in revision order (InstanceNumber, then content date and time): the last is the latest. */
  qcReports: InventoryQcReport[];
  /** What reviewers set by hand in those reports (attributions are already in `annotations`). */
  reviewerChoices: ReviewerChoices;
  unreadable: InventoryUnreadable[];
  state: QcState;
  /** A calibration case: it has a GOLD reference, against which annotators are scored. */
  calibration: boolean;
}
