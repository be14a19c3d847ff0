import type { CaseSummary, CaseTriage, ProgrammeCases } from '@segqc/core';

/**
 * A case as the QC overview lists it: its row, and the triage predicted from its annotations when
 * the programme's case store has it (null: the overview read the PACS itself, without a store;
 * `pending`: the store is judging this version of the case now).
 */
export interface OverviewCase {
  summary: CaseSummary;
  triage: CaseTriage | null;
  pending: boolean;
}

/** What the overview can say before anyone records a review: the recorded state unless the case awaits its review and was judged. */
export type PredictedVerdict = 'escalation-predicted' | 'agreement-predicted' | null;

export function predictedVerdict({ summary, triage }: OverviewCase): PredictedVerdict {
  if (summary.state !== 'awaiting-review' || triage?.kind !== 'judged') return null;
  if (triage.verdict === 'escalate') return 'escalation-predicted';
  return triage.verdict === 'pass' ? 'agreement-predicted' : null;
}

/** The overview's cases from the store's answer. */
export function overviewCasesOf(answer: ProgrammeCases): OverviewCase[] {
  const pending = new Set(answer.sync?.pending ?? []);
  return answer.cases.map(({ summary, triage }) => ({ summary, triage, pending: pending.has(summary.studyInstanceUid) }));
}
