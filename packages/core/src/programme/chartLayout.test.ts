// Where the EWMA chart's marks go, on a chart computed by core ewmaChart with a known centre and σ.
import { ewmaChart } from './ewmaChart';
import { chartDomain, chartLayout, niceTicks, type ChartFrame } from './chartLayout';

// Plot area 100 × 100 from (10, 10): x = 10 + (index + 0.5) · 100 / n, y = 10 + (top − v) / (top − bottom) · 100.
const FRAME: ChartFrame = { width: 120, height: 130, left: 10, right: 10, top: 10, bottom: 20 };

it('niceTicks: round steps of 1, 2 or 5 × 10^k inside the range', () => {
  expect(niceTicks(0.9, 1, 5)).toEqual([0.9, 0.92, 0.94, 0.96, 0.98, 1]);
  expect(niceTicks(0.41, 0.99, 5)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
  expect(niceTicks(1, 1)).toEqual([1]);
});

describe('a chart of 2 baseline and 2 monitored values, centre 10, σ 1 (λ 0.2, L 3)', () => {
  // Monitored: z = 10 + 0.2·(13 − 10) = 10.6, then 10.6 + 0.2·(13 − 10.6) = 11.08; half-widths 0.6 and √0.5904 ≈ 0.768.
  const chart = ewmaChart([10, 10, 13, 13], { centre: 10, sigma: 1, baselinePoints: 2 });

  it('the y range covers values, EWMA, limits and centre, padded by a tenth of the span', () => {
    // lowest: the second lower limit 10 − √0.5904; highest: the value 13.
    const lowest = 10 - Math.sqrt(0.5904);
    const pad = (13 - lowest) / 10;
    const [low, high] = chartDomain(chart);
    expect(low).toBeCloseTo(lowest - pad, 12);
    expect(high).toBeCloseTo(13 + pad, 12);
  });

  it('one column per observation; the EWMA and limits only where monitored; the baseline band ends at the first monitored column', () => {
    const layout = chartLayout(chart, FRAME);
    const [low, high] = layout.domain;
    const y = (v: number) => 10 + ((high - v) / (high - low)) * 100;
    expect(layout.points.map((p) => p.x)).toEqual([22.5, 47.5, 72.5, 97.5]);
    expect(layout.points[3].yValue).toBeCloseTo(y(13), 9);
    expect(layout.points.map((p) => p.yEwma === null)).toEqual([true, true, false, false]);
    expect(layout.points[3].yEwma).toBeCloseTo(y(11.08), 9);
    expect(layout.centreY).toBeCloseTo(y(10), 9);
    expect(layout.baselineEndX).toBe(60);
    expect(layout.upperPath).toBe(`M72.50,${y(10.6).toFixed(2)} L97.50,${y(10 + Math.sqrt(0.5904)).toFixed(2)}`);
    expect(layout.lowerPath.startsWith(`M72.50,${y(9.4).toFixed(2)}`)).toBe(true);
    expect(layout.ticks.every((t) => t.y >= 10 && t.y <= 110)).toBe(true);
  });
});

it('a chart still in its baseline has no centre, EWMA or limits', () => {
  const layout = chartLayout(ewmaChart([0.9, 0.92]), FRAME);
  expect([layout.centreY, layout.ewmaPath, layout.upperPath, layout.baselineEndX]).toEqual([null, '', '', null]);
});

it('unmonitored values take their own columns in time order; the EWMA passes over them and the baseline band ends at its last point', () => {
  // Two baseline and two monitored values; one unmonitored value after the first two points, one after all four.
  const chart = ewmaChart([10, 10, 13, 13], { centre: 10, sigma: 1, baselinePoints: 2 });
  const layout = chartLayout(chart, FRAME, [{ value: 20, after: 4 }, { value: 5, after: 2 }]);
  // Six columns of 100/6: the points in columns 0, 1, 3, 4; the unmonitored in 5 and 2.
  const x = (column: number) => 10 + ((column + 0.5) * 100) / 6;
  layout.points.forEach((p, i) => expect(p.x).toBeCloseTo(x([0, 1, 3, 4][i]), 9));
  layout.unmonitored.forEach((u, j) => expect(u.x).toBeCloseTo(x([5, 2][j]), 9));
  expect(layout.baselineEndX).toBeCloseTo(10 + (2 * 100) / 6, 12);
  // The y range now spans the unmonitored 5 and 20 too.
  expect(layout.domain).toEqual([5 - 1.5, 20 + 1.5]);
  expect(layout.unmonitored[0].yValue).toBeCloseTo(10 + (1.5 / 18) * 100, 9);
  expect(layout.ewmaPath.split(' ').map((step) => Number(step.slice(1).split(',')[0]))).toEqual([x(3), x(4)].map((v) => Number(v.toFixed(2))));
});

it('a chart with nothing monitored lays out its unmonitored values alone on [0, 1]', () => {
  const layout = chartLayout(ewmaChart([]), FRAME, [{ value: 0.9, after: 0 }]);
  expect(layout.domain).toEqual([0.9 - 0.01, 0.9 + 0.01]);
  expect(layout.unmonitored).toEqual([{ x: 60, yValue: 60 }]);
  expect(chartDomain(ewmaChart([]))).toEqual([0, 1]);
});
