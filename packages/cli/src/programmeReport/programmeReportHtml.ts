import type { DicomJsonDataset, DriftChart, ProgrammeReliabilityFromPacs } from '@segqc/core';
import { personLabel } from '../drift/personLabel';
import { recalibrationsDue } from '@segqc/core';
import { calibrationTable, irrMatrixTable, labelAgreementTable, recalibrationList } from './agreementTables';
import { ewmaChartSvg } from './ewmaChartSvg';
import { escapeHtml as e } from './html';
import { overviewTable } from './overviewTable';
import { REPORT_STYLE } from './reportStyle';

export interface ProgrammeReportInput {
  /** The PACS as the report names it (no credentials). */
  pacs: string;
  generatedAt: Date;
  programme: ProgrammeReliabilityFromPacs;
  studies: ReadonlyMap<string, DicomJsonDataset>;
  caseName: (studyInstanceUid: string) => string;
}

/** The drift charts grouped by annotator, in the order the core sorted them (annotator, structure, modality). */
function byAnnotator(drift: readonly DriftChart[]): Array<[string, DriftChart[]]> {
  const groups = new Map<string, DriftChart[]>();
  for (const chart of drift) groups.set(chart.series.annotator, [...(groups.get(chart.series.annotator) ?? []), chart]);
  return [...groups.entries()];
}

/**
 * The programme report as one self-contained HTML document (inline CSS and SVG, no script, nothing
 * fetched): what the viewer's reliability dashboard shows — recalibration due, drift charts,
 * pairwise agreement, agreement on case-level labels with intervals, calibration scores — and the
 * QC overview of every case, with the cases left out and why.
 */
export function programmeReportHtml(input: ProgrammeReportInput): string {
  const { programme, caseName } = input;
  const { reliability, inventory, observed, skipped } = programme;
  const calibrationCompared = observed.filter((o) => inventory.cases.some((c) => c.studyInstanceUid === o.caseId && c.calibration)).length;
  const section = (title: string, body: string, id: string) => `<section id="${id}"><h2>${e(title)}</h2>${body}</section>`;
  const drift = reliability.drift.length === 0
    ? '<p class="muted">No case has a reference to compare with yet (a case needs an adjudicated or gold SEG, or three annotators for an unmonitored majority vote).</p>'
    : byAnnotator(reliability.drift).map(([annotator, charts]) => `<div class="annotator-charts" data-annotator="${e(annotator)}"><h3>${e(personLabel(annotator))}</h3><div class="row">${charts.map((chart) => ewmaChartSvg(chart, caseName)).join('')}</div></div>`).join('');
  const labels = reliability.lesionLabels.length === 0
    ? '<p class="muted">No lesion structure (category Morphologically Abnormal Structure) was segmented.</p>'
    : `<div class="row">${reliability.lesionLabels.map(labelAgreementTable).join('')}</div>`;
  const skippedList = skipped.length === 0 ? '' : section('Cases left out', `<ul>${skipped.map((s) => `<li class="skipped" data-study="${e(s.studyInstanceUid)}">${e(caseName(s.studyInstanceUid))}: ${e(s.reason)}</li>`).join('')}</ul>`, 'skipped');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SegQC programme report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>SegQC programme report</h1>
<p class="muted">${e(input.pacs)} · generated ${e(input.generatedAt.toISOString())} · ${observed.length} of ${inventory.cases.length} cases compared (${calibrationCompared} calibration case${calibrationCompared === 1 ? '' : 's'}, also scored against their gold)${skipped.length > 0 ? ` · ${skipped.length} left out` : ''}</p>
${section('Recalibration', recalibrationList(recalibrationsDue(reliability.drift), caseName), 'recalibration')}
${section('Agreement with the reference over time', `<p class="muted">Each annotator’s Dice against the case’s reference standard (its adjudicated SEG, or the gold of a calibration case), as an EWMA control chart; the first cases of each chart set its centre and limits. A case without one is shown against the majority vote of its annotators but not monitored: the majority includes the annotator’s own vote and moves with the group.</p>${drift}`, 'drift')}
${section('Pairwise inter-rater agreement', `<p class="muted">Over the programme’s cases; calibration cases are scored against their gold (below), not paired.</p><div class="row">${reliability.irr.map(irrMatrixTable).join('')}</div>`, 'irr')}
${section('Case-level labels', `<p class="muted">Over the programme’s cases, calibration cases left out.</p>${labels}`, 'labels')}
${section('Calibration scores (accuracy against the gold)', calibrationTable(reliability.calibration, caseName), 'calibration')}
${section('QC overview', overviewTable(inventory.cases, input.studies, caseName), 'overview')}
${skippedList}
</body>
</html>
`;
}
