/** The agreement of a case as the panel shows it: plain data, computed in the worker. */
import type { AuthenticatedIdentity, FailedCriterion, QcOutcome, QcReasonKey, ReviewerChoices, VoxelBox } from '@segqc/core';

export type Verdict = 'pass' | 'escalate' | 'no-thresholds';

/** One structure, one pair of annotations. */
export interface ReviewRow {
  structureKey: string;
  structureLabel: string;
  a: string;
  b: string;
  dice: number | null;
  hd95Mm: number | null;
  nsd: number | null;
  nsdToleranceMm: number | null;
  volumeAMl: number | null;
  volumeBMl: number | null;
  /** Lesions (26-connected components) of A that B missed, and B's lesions A lacks. */
  missedLesions: number | null;
  extraLesions: number | null;
  verdict: Verdict;
  /** The SOP criteria the pair fails, as the engine gives them (failedCriterionText puts them in words). */
  failed: FailedCriterion[];
}

export interface ReviewedStructure {
  key: string;
  label: string;
  verdict: Verdict;
  /** False when no SOP structure applies: its segments' labels and codes name none (the reviewer can map them by hand). */
  inSop: boolean;
  /** SegmentNumber of the structure in each annotation that has it, by annotation id (an annotator's name from the PACS: a Map, so `__proto__` is an id like any). */
  segmentNumbers: ReadonlyMap<string, number>;
}

/** The signed adjudication of the case the PACS holds, if any (the latest revision). */
export interface AdjudicationOnRecord {
  reportSopInstanceUid: string;
  instanceNumber: number;
  adjudicator: string;
  login: string;
  /** The adjudicator's sign-in as the report records it; absent: self-declared. */
  authentication?: AuthenticatedIdentity;
  /** VerificationDateTime (DICOM DT). */
  signedAt: string;
  /** The decision on each structure the report decides, in the report's order. */
  decisions: DecisionOnRecord[];
}

/** One structure's decision as the verified report records it. */
export interface DecisionOnRecord {
  /** The structure as the report labels it. */
  structure: string;
  outcome: QcOutcome;
  /** With outcome "accepted": the accepted annotation's annotator as the report names them, else its letter. */
  accepted?: string;
  /** Coded reasons; "other" with its words. */
  reasons: Array<{ reason: QcReasonKey; text?: string }>;
}

export interface CaseReviewSummary {
  annotationIds: string[];
  /** Worst first: escalated before passed, then by how far a criterion is missed. */
  rows: ReviewRow[];
  structures: ReviewedStructure[];
  /** SOP Instance UID of the source image at each grid slice ('' for a gap). */
  sliceSopInstanceUids: string[];
  grid: { columns: number; rows: number; slices: number };
  adjudication: AdjudicationOnRecord | null;
  /** Annotations left out because their SEG could not be retrieved or read, with the reason. */
  excluded: Array<{ id: string; error: string }>;
  /** QC reports of the study that could not be retrieved or read (malformed, deflated, too large), with the reason. */
  unreadableReports: Array<{ sopInstanceUid: string; error: string }>;
  /** The reviewer's choices in force: the study's reports', with the panel's over them. */
  choices: ReviewerChoices;
  /** Segments painted with skipped slices (core sparsePaintingWarning), by annotation id: said beside the numbers. */
  warnings: Array<{ id: string; warning: string }>;
}

export interface DiscrepancyRegion {
  voxels: number;
  kind: 'a-only' | 'b-only' | 'mixed';
  /** The grid slice holding most of the region's voxels. */
  slice: number;
  /** The region's extent on the grid: where the viewport zooms and the marker goes. */
  box: VoxelBox;
}

export interface DiscrepancySummary {
  /** 0 none, 1 both, 2 A only, 3 B only; voxel index i + columns·(j + rows·k). */
  labels: Uint8Array;
  counts: { both: number; aOnly: number; bOnly: number };
  /** Largest first; none smaller than the SOP structure's minimum lesion size. */
  regions: DiscrepancyRegion[];
  /** Regions of disagreement smaller than that minimum: on the overlay, not walked to. */
  smallRegions: number;
  /** The minimum lesion size in words ("3 mm"), or null when the SOP sets none for the structure. */
  minLesionSize: string | null;
}
