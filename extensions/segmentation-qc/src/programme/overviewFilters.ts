import type { QcState } from '@segqc/core';
import type { CaseSummary } from './caseSummary';

/** The QC overview's filters; '' lets everything through. */
export interface OverviewFilter {
  state: QcState | '';
  annotator: string;
  modality: string;
  /** `id@version`, or NO_SOP for cases whose annotations name no SOP. */
  sop: string;
}

export const NO_SOP = '(none)';
export const NO_FILTER: OverviewFilter = Object.freeze({ state: '', annotator: '', modality: '', sop: '' });

export function matchesFilter(summary: CaseSummary, filter: OverviewFilter): boolean {
  if (filter.state !== '' && summary.state !== filter.state) return false;
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
