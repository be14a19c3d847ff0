import type { CaseSummary, QcState } from '@segqc/core';
import { predictedVerdict, type OverviewCase } from './overviewCase';

/** What the agreement filter sorts by: the triage's verdict, or why there is none. */
export type AgreementFilter = 'escalate' | 'pass' | 'no-thresholds' | 'not-compared';

/** The QC overview's filters; '' lets everything through. */
export interface OverviewFilter {
  state: QcState | '';
  agreement: AgreementFilter | '';
  annotator: string;
  modality: string;
  /** `id@version`, or NO_SOP for cases whose annotations name no SOP. */
  sop: string;
}

export const NO_SOP = '(none)';
export const NO_FILTER: OverviewFilter = Object.freeze({ state: '', agreement: '', annotator: '', modality: '', sop: '' });

export const AGREEMENT_FILTER_LABELS: Readonly<Record<AgreementFilter, string>> = Object.freeze({
  escalate: 'Escalate',
  pass: 'All pairs pass',
  'no-thresholds': 'No SOP limits',
  'not-compared': 'Not compared',
});

function agreementOf({ triage }: OverviewCase): AgreementFilter | null {
  if (triage === null) return null;
  return triage.kind === 'judged' ? triage.verdict : 'not-compared';
}

/**
 * Whether the case passes the filters. "Escalated" finds the cases whose review escalated them and
 * those awaiting review whose annotations already fail the SOP (escalation predicted); "Agreed",
 * likewise, those predicted to agree.
 */
export function matchesFilter(overviewCase: OverviewCase, filter: OverviewFilter): boolean {
  const { summary } = overviewCase;
  if (filter.state !== '') {
    const predicted = predictedVerdict(overviewCase);
    const asPredicted = (filter.state === 'escalated' && predicted === 'escalation-predicted') || (filter.state === 'agreed' && predicted === 'agreement-predicted');
    if (summary.state !== filter.state && !asPredicted) return false;
  }
  if (filter.agreement !== '' && agreementOf(overviewCase) !== filter.agreement) return false;
  if (filter.annotator !== '' && !summary.annotators.includes(filter.annotator)) return false;
  if (filter.modality !== '' && summary.modality !== filter.modality) return false;
  if (filter.sop === NO_SOP) return summary.sops.length === 0;
  return filter.sop === '' || summary.sops.includes(filter.sop);
}

/** The values each filter can take, from the cases listed: sorted, each once. */
export function filterChoices(cases: readonly CaseSummary[]): { annotators: string[]; modalities: string[]; sops: string[] } {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    annotators: sorted(cases.flatMap((c) => c.annotators)),
    modalities: sorted(cases.flatMap((c) => (c.modality ? [c.modality] : []))),
    sops: [...sorted(cases.flatMap((c) => c.sops)), ...(cases.some((c) => c.sops.length === 0) ? [NO_SOP] : [])],
  };
}

/** The cases in the order of their labels, numbers by value (CT-2 before CT-10). */
export function byLabel(a: CaseSummary, b: CaseSummary): number {
  return a.label.localeCompare(b.label, undefined, { numeric: true }) || a.studyInstanceUid.localeCompare(b.studyInstanceUid);
}
