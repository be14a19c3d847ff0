import { displayName, type AgreementReference, type Interval, type QcState } from '@segqc/core';

export const QC_STATE_LABELS: Readonly<Record<QcState, string>> = Object.freeze({
  'not-double-read': 'Not yet double-read',
  'awaiting-review': 'Awaiting review',
  agreed: 'Agreed',
  escalated: 'Escalated',
  adjudicated: 'Adjudicated',
});

/** What a chart point was measured against, in the legend's words. */
export const REFERENCE_LABELS: Readonly<Record<AgreementReference, string>> = Object.freeze({
  adjudicated: 'the adjudicated reference SEG',
  gold: 'the gold reference SEG',
  peer: 'the majority vote of the case’s annotators (no adjudicated or gold SEG)',
});

/** A DICOM person name (`Okafor^Chidi`) as people write it ("Chidi Okafor"); anything else as is. */
export function personLabel(name: string): string {
  return name.includes('^') ? displayName(name) || name : name;
}

export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

export function intervalText(interval: Interval | null | undefined, digits = 2): string {
  return interval ? `[${fixed(interval.lower, digits)}, ${fixed(interval.upper, digits)}]` : '';
}

/** ISO 8601 date or date-time as its calendar date (YYYY-MM-DD); DICOM DA (YYYYMMDD) too. */
export function calendarDate(value: string | null | undefined): string {
  if (!value) return '';
  const da = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return da ? `${da[1]}-${da[2]}-${da[3]}` : value.slice(0, 10);
}
