import type { CaseInventory, CaseRecords } from '@segqc/core';

/** Escalation and adjudication over the programme's double-read cases, of one modality or of all. */
export interface QcRates {
  /** A modality (CT, MR, …), or `all`. */
  modality: string;
  /** Cases with two or more annotations of one series, calibration cases left out (they are scored against their gold, not reviewed). */
  doubleRead: number;
  /** Of those, cases some QC report of which decided a structure otherwise than "agreed" (escalated, or resolved by an adjudicator). */
  escalated: number;
  /** Of those, cases whose QC state is adjudicated: a signed adjudication is in force (the QC overview's state). */
  adjudicated: number;
  /** escalated / doubleRead; null without a double-read case. */
  escalationRate: number | null;
  adjudicationRate: number | null;
}

function ratesOf(modality: string, cases: readonly CaseInventory[], escalatedCases: ReadonlySet<string>): QcRates {
  const escalated = cases.filter((c) => escalatedCases.has(c.studyInstanceUid)).length;
  const adjudicated = cases.filter((c) => c.state === 'adjudicated').length;
  const rate = (n: number) => (cases.length === 0 ? null : n / cases.length);
  return { modality, doubleRead: cases.length, escalated, adjudicated, escalationRate: rate(escalated), adjudicationRate: rate(adjudicated) };
}

/**
 * The escalation and adjudication rates of the programme, overall and per modality: which cases were
 * double-read and adjudicated is the inventory's QC state (as `segqc report --html` shows it), which
 * were escalated is what their QC reports decided (the audit trail).
 */
export function qcRates(inventory: readonly CaseInventory[], trail: readonly CaseRecords[]): QcRates[] {
  const escalatedCases = new Set(trail
    .filter((records) => records.events.some((event) => event.kind === 'qc-report' && event.decisions.some((decision) => decision.outcome !== 'agreed')))
    .map((records) => records.studyInstanceUid));
  const doubleRead = inventory.filter((c) => !c.calibration && c.state !== 'not-double-read');
  const modalities = [...new Set(doubleRead.map((c) => c.modality ?? 'unknown'))].sort();
  return [
    ratesOf('all', doubleRead, escalatedCases),
    ...modalities.map((modality) => ratesOf(modality, doubleRead.filter((c) => (c.modality ?? 'unknown') === modality), escalatedCases)),
  ];
}
