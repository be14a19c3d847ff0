// The report's drift chart on a programme worked out by hand (six weekly cases, the last two low):
// each point's numbers in data-* attributes at full precision, drawn where the viewer draws them
// (core chartLayout), alarms marked. Why: the report is read by people and checked by programs.
import { CHART_FRAME, chartLayout, programmeReliability, type CaseObservations } from '@segqc/core';
import { ewmaChartSvg } from './ewmaChartSvg';

const VALUES = [0.9, 0.92, 0.9, 0.92, 0.8, 0.8];
const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);
const cases: CaseObservations[] = VALUES.map((dice, k) => ({
  caseId: `1.2.${k + 1}`, modality: 'CT', structures: [], pairs: [], lesionCounts: [], calibration: [],
  agreement: [{ caseId: `1.2.${k + 1}`, date: week(k), annotator: 'O’Neil^Siobhan', structure: 'Lung <nodule> & "mass"', modality: 'CT', dice, reference: k === 0 ? 'adjudicated' : 'peer' }],
}));
const [drift] = programmeReliability(cases, [], { labels: { bootstrap: false } }).drift;
const svg = ewmaChartSvg(drift, (uid) => `case ${uid.split('.').pop()}`);
const circles = [...svg.matchAll(/<circle class="value"([^>]*)>/g)].map(([, attrs]) => Object.fromEntries([...attrs.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));

test('every Dice point carries its case, date, value, EWMA, limits and alarm', () => {
  expect(circles.map((c) => [c['data-case'], c['data-date'], Number(c['data-dice']), c['data-phase'], c['data-alarm']])).toEqual(
    VALUES.map((dice, k) => [`1.2.${k + 1}`, week(k), dice, k < 4 ? 'baseline' : 'monitoring', k < 4 ? 'none' : 'below']),
  );
  // Monitored: z = 0.2·0.8 + 0.8·0.91 = 0.888, then 0.2·0.8 + 0.8·0.888 = 0.8704.
  expect(Number(circles[4]['data-ewma'])).toBeCloseTo(0.888, 12);
  expect(Number(circles[5]['data-ewma'])).toBeCloseTo(0.8704, 12);
  expect(circles.slice(0, 4).every((c) => c['data-ewma'] === undefined && c['data-lower'] === undefined)).toBe(true);
  expect(circles[0]['data-reference']).toBe('adjudicated');
});

test('drawn on the viewer’s geometry, the alarms as red EWMA points', () => {
  const layout = chartLayout(drift.state.chart, CHART_FRAME);
  expect(circles.map((c) => [Number(c.cx), Number(c.cy)])).toEqual(layout.points.map((p) => [Number(p.x.toFixed(2)), Number(p.yValue.toFixed(2))]));
  expect(svg).toContain(`d="${layout.upperPath}"`);
  expect(svg.match(/class="ewma-point alarm"/g)).toHaveLength(2);
  expect(svg).toContain('data-recalibration-due="true"');
  expect(svg).toContain('<span class="alarm-badge">recalibration due</span>');
});

test('names are escaped: a structure called Lung <nodule> & "mass" stays text', () => {
  expect(svg).not.toContain('<nodule>');
  expect(svg).toContain('data-structure="Lung &lt;nodule&gt; &amp; &quot;mass&quot;"');
  expect(svg).toContain('<strong>Siobhan O’Neil · Lung &lt;nodule&gt; &amp; &quot;mass&quot; · CT</strong>');
});
