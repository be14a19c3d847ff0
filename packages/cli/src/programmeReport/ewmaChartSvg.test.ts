// The report's drift chart on a programme worked out by hand (six weekly adjudicated cases, the last
// two low, and one case without a reference standard): each point's numbers in data-* attributes at
// full precision, drawn where the viewer draws them (core driftChartLayout), alarms marked. Why: the
// report is read by people and checked by programs.
import { driftChartLayout, leaveOneOutLayout, programmeReliability, type CaseObservations, type LeaveOneOutDice } from '@segqc/core';
import { ewmaChartSvg } from './ewmaChartSvg';

const VALUES = [0.9, 0.92, 0.9, 0.92, 0.8, 0.8];
const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);
const observed = (caseId: string, date: string, dice: number, reference: 'adjudicated' | 'peer'): CaseObservations => ({
  caseId, modality: 'CT', structures: [], pairs: [], lesionCounts: [], calibration: [],
  agreement: [{ caseId, date, annotator: 'O’Neil^Siobhan', structure: 'Lung <nodule> & "mass"', modality: 'CT', dice, reference }],
});
// The open case, between weeks 2 and 3, is measured against the majority vote of its annotators.
const cases = [...VALUES.map((dice, k) => observed(`1.2.${k + 1}`, week(k), dice, 'adjudicated')), observed('1.2.9', `${week(2)}T12:00`, 0.5, 'peer')];
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
  expect(circles.every((c) => c['data-reference'] === 'adjudicated')).toBe(true);
});

test('the open case’s Dice against the majority is a grey square in its place in time, not monitored', () => {
  const squares = [...svg.matchAll(/<rect class="unmonitored"([^>]*)>/g)].map(([, attrs]) => Object.fromEntries([...attrs.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));
  expect(squares.map((r) => [r['data-case'], Number(r['data-dice']), r['data-reference']])).toEqual([['1.2.9', 0.5, 'peer']]);
  // After the third adjudicated case, before the fourth.
  expect(Number(squares[0].x) + 3).toBeGreaterThan(Number(circles[2].cx));
  expect(Number(squares[0].x) + 3).toBeLessThan(Number(circles[3].cx));
  expect(svg).toContain('data-points="6" data-unmonitored-points="1"');
  expect(svg).toContain('not monitored: Dice against the majority vote of the case’s annotators (no adjudicated or gold SEG) (1 case)');
});

test('drawn on the viewer’s geometry, the alarms as red EWMA points', () => {
  const layout = driftChartLayout(drift);
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

test('a point whose reference was taken from the annotator is drawn, not monitored, and the legend says why', () => {
  const accepted: CaseObservations = {
    ...observed('1.2.8', `${week(3)}T12:00`, 1, 'adjudicated'),
    agreement: [{ ...observed('1.2.8', `${week(3)}T12:00`, 1, 'adjudicated').agreement[0]!, unmonitored: 'reference-from-annotator' }],
  };
  const [chart] = programmeReliability([...cases, accepted], [], { labels: { bootstrap: false } }).drift;
  const withAccepted = ewmaChartSvg(chart, (uid) => `case ${uid.split('.').pop()}`);
  expect(withAccepted).toContain('data-points="6" data-unmonitored-points="2"');
  expect(withAccepted).toContain('not monitored: Dice against the majority vote of the case’s annotators (no adjudicated or gold SEG) (1 case); reference taken from this annotator (1 case)');
  expect(withAccepted).toContain('case 8 (');
});

describe('the leave-one-out series under the chart, as the dashboard draws it', () => {
  // Three cases of three or four annotators: the annotator's Dice against the majority of the others,
  // given out of time order; drawn oldest first: case 2 (week 1), case 9 (week 2, noon), case 5 (week 4).
  const loo = (caseId: string, date: string, dice: number, others: number): LeaveOneOutDice => ({ caseId, date, annotator: 'O’Neil^Siobhan', structure: 'Lung <nodule> & "mass"', modality: 'CT', dice, others });
  const withLoo = cases.map((c) => ({
    ...c,
    leaveOneOut: c.caseId === '1.2.5' ? [loo('1.2.5', week(4), 0.7, 2)] : c.caseId === '1.2.2' ? [loo('1.2.2', week(1), 0.85, 3)] : c.caseId === '1.2.9' ? [loo('1.2.9', `${week(2)}T12:00`, 0.6, 2)] : [],
  }));
  const [chart] = programmeReliability(withLoo, [], { labels: { bootstrap: false } }).drift;
  const drawn = ewmaChartSvg(chart, (uid) => `case ${uid.split('.').pop()}`);
  const looSvg = drawn.match(/<svg class="loo-chart"[^>]*>.*?<\/svg>/)![0];
  const points = [...looSvg.matchAll(/<circle class="loo-point"([^>]*)><title>([^<]*)<\/title>/g)]
    .map(([, attrs, title]): Record<string, string> => ({ ...Object.fromEntries([...attrs.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])), title }));

  it('one point per case in time order, each with its Dice, date and voters in data-* and its tooltip', () => {
    expect(looSvg).toContain('data-points="3"');
    expect(points.map((p) => [p['data-case'], p['data-date'], Number(p['data-dice']), Number(p['data-others'])])).toEqual([
      ['1.2.2', week(1), 0.85, 3], ['1.2.9', `${week(2)}T12:00`, 0.6, 2], ['1.2.5', week(4), 0.7, 2],
    ]);
    expect(points.map((p) => p.title)).toEqual([
      'case 2 (2024-03-11): Dice 0.850 against the majority of the 3 other annotators',
      'case 9 (2024-03-18): Dice 0.600 against the majority of the 2 other annotators',
      'case 5 (2024-04-01): Dice 0.700 against the majority of the 2 other annotators',
    ]);
  });

  it('a line through the points on the dashboard’s geometry, labelled with the highest and lowest Dice', () => {
    const layout = leaveOneOutLayout([0.85, 0.6, 0.7]);
    expect(points.map((p) => [Number(p.cx), Number(p.cy)])).toEqual(layout.points.map((at) => [Number(at.x.toFixed(2)), Number(at.y.toFixed(2))]));
    expect(looSvg).toContain(`<polyline class="loo-line" points="${layout.points.map((at) => `${at.x.toFixed(2)},${at.y.toFixed(2)}`).join(' ')}"/>`);
    expect([...looSvg.matchAll(/<text class="tick-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['0.850', '0.600']);
  });

  it('its own legend entry and caption; the EWMA chart and its points are unchanged', () => {
    expect(drawn).toContain('<li><span class="key key-loo"></span> below: Dice against the majority of the other annotators (leave-one-out, 3 cases), not monitored</li>');
    expect(drawn).toContain('<div class="muted loo-caption">Dice against the majority of the other annotators (leave-one-out), per case — shown, not monitored</div>');
    expect(drawn.replace(/<li><span class="key key-loo">.*?<\/li>/, '').replace(/<div class="loo">.*?<\/svg><\/div>/, '')).toBe(svg);
  });

  it('a chart without a case of three annotators draws no leave-one-out series', () => {
    expect(svg).not.toContain('loo');
  });
});
