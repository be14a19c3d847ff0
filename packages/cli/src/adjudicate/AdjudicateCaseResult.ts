import type { QcOutcome } from '@segqc/core';
import type { KeySignature } from './signWithKey';

/** One structure of an adjudicated case as the verified report records it. */
export interface AdjudicatedStructureResult {
  /** The report's label, and the review's (the SOP structure's) when it differs. */
  structure: string;
  reviewLabel: string;
  /** The review escalated it. */
  escalated: boolean;
  /** How its reference was made: `accept` (with the annotation's id and letter), `majority`, `staple`. */
  method: 'accept' | 'majority' | 'staple';
  accepted: { id: string; letter: string } | null;
  /** The report's decision: agreed for a structure the review passed, else what was chosen. */
  outcome: QcOutcome;
  reasons: string[];
}

export type AdjudicateCaseStatus = 'adjudicated' | 'skipped' | 'failed';

/** One case of `segqc adjudicate`, one line of its output and one entry of --json. */
export interface AdjudicateCaseResult {
  studyInstanceUid: string;
  status: AdjudicateCaseStatus;
  /** Why it was skipped or failed. */
  reason: string | null;
  /** The objects stored, and the QC report the new one revises. */
  referenceSeg: string | null;
  report: string | null;
  /** The report's signature by the --signing-key; null when stored unsigned. */
  signature: KeySignature | null;
  /** The reference SEG's signature by the --signing-key; null when stored unsigned. */
  referenceSegSignature: KeySignature | null;
  revises: string | null;
  /** The SOP in force, `id@version`. */
  sop: string | null;
  /** The annotations, A, B, … in order, by the ids `segqc qc` gives them. */
  annotations: string[];
  structures: AdjudicatedStructureResult[];
}
