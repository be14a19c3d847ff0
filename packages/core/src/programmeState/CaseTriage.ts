import type { ReviewVerdict } from '../review/judgeAgainstThresholds';

/** One structure of a judged case: its verdict and, when escalated, each failing pair in words. */
export interface TriageStructure {
  label: string;
  verdict: ReviewVerdict;
  /** "Chen, Wei – Okafor, Chidi: Dice 0.39 < 0.70; HD95 4.0 mm > 3.0 mm", one per escalated pair. */
  failing: string[];
}

/**
 * The agreement verdict predicted from a case's annotations before anyone records a review (issue
 * 14's triage): what `segqc qc` finds, kept with the case's version in the programme's case store.
 * - `judged`: two or more annotations were compared against the SOP in force;
 * - `not-double-read`: fewer than two annotations of one series, nothing to compare;
 * - `failed`: the case could not be judged (an unreadable SEG, a PACS error), with why.
 */
export type CaseTriage =
  | {
      kind: 'judged';
      verdict: ReviewVerdict;
      /** `id@version` of the SOP judged against; null: none applied (no thresholds). */
      sop: string | null;
      /** Escalated structures first, then in the SOP's order. */
      structures: TriageStructure[];
      /** The one annotator in every escalated pair, when there is one and a third annotator to tell it from. */
      outlier: string | null;
      /** Annotations left out (unreadable on the source grid), in words. */
      excluded: string[];
    }
  | { kind: 'not-double-read' }
  | { kind: 'failed'; reason: string };
