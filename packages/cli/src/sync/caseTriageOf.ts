import { annotatorInEveryFailingPair, failedCriterionText, type CaseTriage, type TriageStructure } from '@segqc/core';
import type { QcCaseResult } from '../qc/QcCaseResult';

/**
 * The triage of a case from its `segqc qc` result: the verdict, each structure with its failing
 * pairs in words, escalated structures first, and the outlier — the one annotator in every
 * escalated pair, named only when a third annotator shows it is not simply a two-reader disagreement.
 */
export function caseTriageOf(result: QcCaseResult): CaseTriage {
  if (result.status === 'not-double-read') return { kind: 'not-double-read' };
  if (result.status === 'failed') return { kind: 'failed', reason: result.error ?? 'the case could not be judged' };
  const escalated = result.pairs.filter((pair) => pair.verdict === 'escalate');
  const structures: TriageStructure[] = result.structures.map(({ label, verdict }) => ({
    label,
    verdict,
    failing: escalated.filter((pair) => pair.structure === label).map((pair) => `${pair.a} – ${pair.b}: ${pair.failed.map(failedCriterionText).join('; ')}`),
  }));
  return {
    kind: 'judged',
    verdict: result.verdict ?? 'no-thresholds',
    sop: result.sop ? `${result.sop.id}@${result.sop.version}` : null,
    structures: [...structures.filter((s) => s.verdict === 'escalate'), ...structures.filter((s) => s.verdict !== 'escalate')],
    outlier: annotatorInEveryFailingPair(result.annotations.map(({ id }) => id), escalated),
    excluded: result.excluded.map(({ id, reason }) => `${id}: ${reason}`),
  };
}
