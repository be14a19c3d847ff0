import { CHART_FRAME, UNMONITORED_REASON_TEXT, driftChartLayout, type AgreementObservation, type AgreementReference, type DriftChart } from '@segqc/core';
import { chartState } from '../drift/chartState';
import { personLabel } from '../drift/personLabel';
import { attributes, escapeHtml as e, fixed } from './html';
import { leaveOneOutSvg } from './leaveOneOutSvg';

/** What a chart point was measured against, in the legend's words (as the viewer's dashboard says it). */
export const REFERENCE_TEXT: Readonly<Record<AgreementReference, string>> = Object.freeze({
  adjudicated: 'the adjudicated reference SEG',
  gold: 'the gold reference SEG',
  peer: 'the majority vote of the case’s annotators (no adjudicated or gold SEG)',
});

const xy = (value: number): string => value.toFixed(2);

/**
 * One annotator × structure × modality drift chart as inline SVG, drawn on the viewer's geometry
 * (core chartLayout): the Dice of each case (hollow), the EWMA line and points, the centre line, the
 * limits from the baseline (shaded), alarms in red; Dice against the majority vote of a case without a
 * reference standard in its place in time (grey square), not monitored. Under it, as on the
 * dashboard, the annotator's Dice against the leave-one-out majority of the other annotators
 * (leaveOneOutSvg), shown, not monitored. Each point carries its numbers in data-* attributes (as
 * many digits as the number has), so that the report can be checked by a program.
 */
export function ewmaChartSvg(drift: DriftChart, caseName: (studyInstanceUid: string) => string): string {
  const { series, state, references, unmonitored, leaveOneOut } = drift;
  const { chart } = state;
  const layout = driftChartLayout(drift);
  const frame = CHART_FRAME;
  const plotBottom = frame.height - frame.bottom;
  const title = `${personLabel(series.annotator)} · ${series.structure} · ${series.modality}`;
  const identity = { 'data-annotator': series.annotator, 'data-structure': series.structure, 'data-modality': series.modality };
  const firstAlarm = chart.firstAlarmIndex === null ? null : series.observations[chart.firstAlarmIndex];
  const parts: string[] = [];
  if (layout.baselineEndX !== null) parts.push(`<rect class="baseline" x="${frame.left}" y="${frame.top}" width="${xy(layout.baselineEndX - frame.left)}" height="${plotBottom - frame.top}"/>`);
  for (const tick of layout.ticks) {
    parts.push(`<line class="tick" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${xy(tick.y)}" y2="${xy(tick.y)}"/><text class="tick-label" x="${frame.left - 4}" y="${xy(tick.y + 3)}" text-anchor="end">${tick.value}</text>`);
  }
  if (layout.centreY !== null) parts.push(`<line class="centre" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${xy(layout.centreY)}" y2="${xy(layout.centreY)}"/>`);
  if (layout.upperPath) parts.push(`<path class="limit" data-limit="upper" d="${layout.upperPath}"/>`);
  if (layout.lowerPath) parts.push(`<path class="limit" data-limit="lower" d="${layout.lowerPath}"/>`);
  if (layout.ewmaPath) parts.push(`<path class="ewma" d="${layout.ewmaPath}"/>`);
  chart.points.forEach((point, i) => {
    const observation = series.observations[i];
    const at = layout.points[i];
    const monitored = point.phase === 'monitoring' ? point : null;
    const alarm = monitored?.alarm ?? null;
    const name = caseName(observation.caseId);
    const tip = `${name} (${observation.date.slice(0, 10)}): Dice ${fixed(point.value)}${monitored ? `, EWMA ${fixed(monitored.ewma)}` : ' (baseline)'}${alarm ? `, alarm ${alarm}` : ''}`;
    parts.push(`<circle class="value" cx="${xy(at.x)}" cy="${xy(at.yValue)}" r="3"${attributes({
      'data-index': point.index, 'data-case': observation.caseId, 'data-case-label': name, 'data-date': observation.date, 'data-dice': point.value,
      'data-reference': observation.reference, 'data-phase': point.phase, 'data-ewma': monitored?.ewma, 'data-lower': monitored?.lower, 'data-upper': monitored?.upper,
      'data-alarm': alarm ?? 'none',
    })}><title>${e(tip)}</title></circle>`);
    if (at.yEwma !== null) parts.push(`<circle class="${alarm ? 'ewma-point alarm' : 'ewma-point'}" cx="${xy(at.x)}" cy="${xy(at.yEwma)}" r="${alarm ? 5 : 3.5}"/>`);
    parts.push(`<text class="x-label" x="${xy(at.x)}" y="${plotBottom + 13}" text-anchor="middle">${e(name)}</text>`);
    parts.push(`<text class="x-label muted" x="${xy(at.x)}" y="${plotBottom + 25}" text-anchor="middle">${e(observation.date.slice(5, 10))}</text>`);
  });
  unmonitored.forEach((observation, j) => {
    const at = layout.unmonitored[j];
    const name = caseName(observation.caseId);
    const tip = `${name} (${observation.date.slice(0, 10)}): Dice ${fixed(observation.dice)} against ${REFERENCE_TEXT[observation.reference]}; not monitored: ${whyUnmonitored(observation)}`;
    parts.push(`<rect class="unmonitored" x="${xy(at.x - 3)}" y="${xy(at.yValue - 3)}" width="6" height="6"${attributes({
      'data-case': observation.caseId, 'data-case-label': name, 'data-date': observation.date, 'data-dice': observation.dice, 'data-reference': observation.reference,
    })}><title>${e(tip)}</title></rect>`);
    parts.push(`<text class="x-label muted" x="${xy(at.x)}" y="${plotBottom + 13}" text-anchor="middle">${e(name)}</text>`);
    parts.push(`<text class="x-label muted" x="${xy(at.x)}" y="${plotBottom + 25}" text-anchor="middle">${e(observation.date.slice(5, 10))}</text>`);
  });
  const referenceCounts = (Object.entries(references) as Array<[AgreementReference, number]>).filter(([, n]) => n > 0);
  const legend = [
    '<li><span class="key key-value"></span> Dice per case</li>',
    `<li><span class="key key-ewma"></span> EWMA (λ ${chart.lambda})</li>`,
    `<li><span class="key key-centre"></span> centre${chart.centre !== null ? ` ${fixed(chart.centre)}` : ''}</li>`,
    `<li><span class="key key-limit"></span> limits (L ${chart.limitWidth}, σ ${fixed(chart.sigma, 4)} from the first ${chart.baselinePoints} cases, shaded)</li>`,
    '<li><span class="key key-alarm"></span> alarm</li>',
    referenceCounts.length > 0 ? `<li class="reference">Reference: ${e(referenceCounts.map(([reference, n]) => `${REFERENCE_TEXT[reference]} (${n} case${n === 1 ? '' : 's'})`).join('; '))}</li>` : '',
    unmonitored.length > 0 ? `<li><span class="key key-unmonitored"></span> not monitored: ${e(countedReasons(unmonitored))}</li>` : '',
    leaveOneOut.length > 0 ? `<li><span class="key key-loo"></span> below: Dice against the majority of the other annotators (leave-one-out, ${leaveOneOut.length} case${leaveOneOut.length === 1 ? '' : 's'}), not monitored</li>` : '',
  ].join('');
  const badge = state.recalibrationDue ? ' <span class="alarm-badge">recalibration due</span>' : state.alarm ? ' <span class="warning-badge">alarm earlier</span>' : '';
  return `<figure class="chart"${attributes(identity)}>`
    + `<figcaption><strong>${e(title)}</strong>${badge}<br><span class="muted">${e(chartState(state, caseName))}</span></figcaption>`
    + `<svg class="ewma-chart" role="img" aria-label="${e(`EWMA control chart of ${title}`)}" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}"${attributes({
      ...identity, 'data-points': chart.points.length, 'data-unmonitored-points': unmonitored.length, 'data-baseline-points': chart.baselinePoints, 'data-centre': chart.centre, 'data-sigma': chart.sigma,
      'data-lambda': chart.lambda, 'data-limit-width': chart.limitWidth, 'data-alarm': state.alarm, 'data-alarms': chart.alarms.length,
      'data-first-alarm-index': chart.firstAlarmIndex, 'data-first-alarm-case': firstAlarm?.caseId, 'data-first-alarm-date': firstAlarm?.date,
      'data-recalibration-due': state.recalibrationDue,
    })}>${parts.join('')}</svg>`
    + `<ul class="legend">${legend}</ul>${leaveOneOutSvg(leaveOneOut, caseName)}</figure>`;
}

/** Why a point is drawn but not monitored (core agreementSeries): the reference was taken from or made with the annotator, or it is the peers' majority. */
function whyUnmonitored(observation: AgreementObservation): string {
  return observation.unmonitored ? UNMONITORED_REASON_TEXT[observation.unmonitored] : `Dice against ${REFERENCE_TEXT.peer}`;
}

function countedReasons(observations: readonly AgreementObservation[]): string {
  const counts = new Map<string, number>();
  for (const observation of observations) counts.set(whyUnmonitored(observation), (counts.get(whyUnmonitored(observation)) ?? 0) + 1);
  return [...counts].map(([why, n]) => `${why} (${n} case${n === 1 ? '' : 's'})`).join('; ');
}
