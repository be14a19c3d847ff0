import type { DriftChart, Recalibration } from '@segqc/core';
import type { DriftJson } from '../drift/driftReport';
import { personLabel } from '../drift/personLabel';
import { calibrationTable, irrMatrixTable, labelAgreementTable, recalibrationList } from '../programmeReport/agreementTables';
import { ewmaChartSvg } from '../programmeReport/ewmaChartSvg';
import { attributes, escapeHtml as e, fixed } from '../programmeReport/html';
import type { QcRates } from './qcRates';

const percent = (rate: number | null): string => (rate === null ? '—' : `${fixed(rate * 100, 1)} %`);

function ratesTable(rates: readonly QcRates[]): string {
  const rows = rates.map((r) => `<tr class="rates"${attributes({ 'data-modality': r.modality, 'data-double-read': r.doubleRead, 'data-escalated': r.escalated, 'data-adjudicated': r.adjudicated })}>`
    + `<td>${e(r.modality)}</td><td>${r.doubleRead}</td><td>${r.escalated}</td><td>${percent(r.escalationRate)}</td><td>${r.adjudicated}</td><td>${percent(r.adjudicationRate)}</td></tr>`);
  return '<p class="muted">Over the double-read cases (two or more annotations of one series), calibration cases left out. Escalated: a QC report decided a structure otherwise than “agreed”. Adjudicated: a signed adjudication is in force.</p>'
    + `<table class="rates"><thead><tr><th>Modality</th><th>Double-read cases</th><th>Escalated</th><th>Escalation rate</th><th>Adjudicated</th><th>Adjudication rate</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function chartsByAnnotator(drift: readonly DriftChart[], caseName: (studyInstanceUid: string) => string): string {
  if (drift.length === 0) return '<p class="muted">No case has a reference to compare with yet.</p>';
  const annotators = [...new Set(drift.map((chart) => chart.series.annotator))];
  return annotators.map((annotator) => `<div class="annotator-charts"${attributes({ 'data-annotator': annotator })}><h3>${e(personLabel(annotator))}</h3><div class="row">`
    + `${drift.filter((chart) => chart.series.annotator === annotator).map((chart) => ewmaChartSvg(chart, caseName)).join('')}</div></div>`).join('');
}

/**
 * The programme's numbers as `segqc drift --json` computes them and `segqc report --html` draws them
 * (the same table and chart code): recalibrations due, escalation and adjudication rates, the drift
 * charts, pairwise agreement per structure and modality, agreement on case-level labels with 95 %
 * intervals, and calibration scores.
 */
export function programmeHtml(drift: DriftJson, due: readonly Recalibration[], rates: readonly QcRates[], caseName: (studyInstanceUid: string) => string): string {
  const { reliability, summary, skipped } = drift;
  const labels = reliability.lesionLabels.length === 0
    ? '<p class="muted">No lesion structure was segmented.</p>'
    : `<div class="row">${reliability.lesionLabels.map(labelAgreementTable).join('')}</div>`;
  return `<p class="muted">${summary.charts} drift charts from ${summary.compared} of ${summary.cases} cases${summary.skipped > 0 ? `, ${summary.skipped} left out` : ''}; ${summary.inAlarm} in alarm.</p>`
    + `<h3>Recalibrations due</h3>${recalibrationList(due, caseName)}`
    + `<h3>Escalation and adjudication</h3>${ratesTable(rates)}`
    + `<h3>Inter-rater agreement per structure and modality</h3><p class="muted">Mean Dice of each annotator pair over the cases both annotated; calibration cases are scored against their gold, not paired.</p><div class="row">${reliability.irr.map(irrMatrixTable).join('')}</div>`
    + `<h3>Agreement on case-level labels (95 % intervals)</h3>${labels}`
    + `<h3>Calibration scores (against the gold)</h3>${calibrationTable(reliability.calibration, caseName)}`
    + `<h3>Drift charts</h3><p class="muted">Each annotator’s Dice against the case’s reference standard as an EWMA control chart; points against a majority vote are shown, not monitored.</p>${chartsByAnnotator(reliability.drift, caseName)}`
    + (skipped.length === 0 ? '' : `<h3>Cases left out</h3><ul>${skipped.map((s) => `<li>${e(caseName(s.studyInstanceUid))}: ${e(s.reason)}</li>`).join('')}</ul>`);
}
