import type { CaseInventory, FailedCriterion, InventoryUnreadable, LesionCounts, QcState, ReviewVerdict } from '@segqc/core';

/** One annotation of a judged case; `id` names it in the pairs (the annotator's name, as the viewer shows it). */
export interface QcAnnotationRef {
  id: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  /** ContentCreatorName (DICOM PN) and login. */
  name: string | null;
  login: string | null;
  /** The SOP its ProtocolName names (`id@version+hash`), or null. */
  sop: string | null;
  /** Who said who made it: the SEG itself (`creator`), a reviewer (`reviewer`, the person in `id`), or nobody (null: unattributed). */
  attributedBy: 'creator' | 'reviewer' | null;
  /** Its segments (by number) a reviewer mapped to a SOP structure by hand. */
  segmentsMappedByReviewer: number[];
}

/** One structure for one annotator pair: the numbers of the viewer's review table, and the verdict. */
export interface QcPairResult {
  structure: string;
  a: string;
  b: string;
  segmentA: number | null;
  segmentB: number | null;
  dice: number | null;
  jaccard: number | null;
  hd95Mm: number | null;
  hdMm: number | null;
  assdMm: number | null;
  /** NSD at the SOP structure's tolerance, and that tolerance. */
  nsd: number | null;
  nsdToleranceMm: number | null;
  /** NSD at every tolerance of the review, keyed by the tolerance in mm. */
  nsdByToleranceMm: Record<string, number | null>;
  volumeAMl: number | null;
  volumeBMl: number | null;
  lesions: LesionCounts;
  verdict: ReviewVerdict;
  failed: FailedCriterion[];
  /** The smallest normalised margin; null without thresholds and for an undefined value or a missing segment (−∞ in the engine). */
  worstMargin: number | null;
}

export interface QcStructureResult {
  label: string;
  verdict: ReviewVerdict;
  escalatedPairs: number;
  /** Ids of the annotations that have it. */
  annotations: string[];
}

export type QcCaseStatus = 'reviewed' | 'not-double-read' | 'failed';

export interface QcCaseResult {
  studyInstanceUid: string;
  status: QcCaseStatus;
  /** The series the annotations were compared on, and its modality. */
  sourceSeriesInstanceUid: string | null;
  modality: string | null;
  annotations: QcAnnotationRef[];
  /** Annotations left out because their SEG could not be read on the source grid, with why. */
  excluded: Array<{ id: string; sopInstanceUid: string; reason: string }>;
  /** What the reviewer should know beside the numbers: header defects that do not change them (OHIF's SliceThickness), segments painted with gaps between slices. */
  warnings: Array<{ id: string; sopInstanceUid: string; warning: string }>;
  /** Objects of the study the inventory could not read (a malformed, deflated or oversized SR or SEG), with why. */
  unreadable: InventoryUnreadable[];
  sop: { id: string; version: string; sha256: string; file: string; chosenBy: 'protocol-name' | 'series' } | null;
  /** Why this SOP (or none). */
  sopReason: string | null;
  /** Where the case stands in the QC workflow, as the PACS's reports put it (awaiting review … adjudicated); null when its inventory could not be read. */
  state: QcState | null;
  /** Escalate if any structure is; pass if all pass; otherwise some structure has no thresholds. Null unless reviewed. */
  verdict: ReviewVerdict | null;
  structures: QcStructureResult[];
  /** Worst first, as the viewer lists them. */
  pairs: QcPairResult[];
  /** The review QC report stored with --write-reports, and the report it revises. */
  report: { sopInstanceUid: string; revises: string | null } | null;
  /** Why the case failed. */
  error: string | null;
  seconds: number;
}

/** A case's result with the inventory it was judged from (null when that could not be read). */
export interface JudgedCase {
  result: QcCaseResult;
  inventory: CaseInventory | null;
}
