/**
 * Where everything of an EWMA control chart goes in its SVG: one column per observation (a control
 * chart is read sample by sample, not by calendar), the y axis over every value, EWMA, limit and the
 * centre line, with round ticks. Values shown beside the chart but not charted (unmonitored) take
 * their own columns among the charted ones, in time order; the EWMA and limits pass over them.
 */
import type { EwmaChart, EwmaMonitoredPoint, EwmaPoint } from './ewmaChart';

export interface ChartFrame {
  width: number;
  height: number;
  /** Margins around the plot area, for the axes' labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_FRAME: Readonly<ChartFrame> = Object.freeze({ width: 520, height: 210, left: 50, right: 12, top: 10, bottom: 34 });

export interface LaidOutPoint {
  index: number;
  x: number;
  /** The observation's value (Dice). */
  yValue: number;
  /** The EWMA after it; null in the baseline. */
  yEwma: number | null;
}

/** A value shown on the chart but not charted: how many of the chart's points come before it in time. */
export interface UnmonitoredValue {
  value: number;
  after: number;
}

export interface ChartLayout {
  domain: [number, number];
  ticks: Array<{ value: number; y: number }>;
  points: LaidOutPoint[];
  /** In the order given. */
  unmonitored: Array<{ x: number; yValue: number }>;
  /** y of the centre line; null while the baseline is incomplete. */
  centreY: number | null;
  /** SVG path data of the EWMA line and of the limits over the monitored points; '' when there are none. */
  ewmaPath: string;
  upperPath: string;
  lowerPath: string;
  /** x where the baseline band ends (right of its last column); null when nothing is monitored. */
  baselineEndX: number | null;
}

/** Round tick values inside [low, high], about `count` of them: 1, 2 or 5 × 10^k apart, whichever is nearest (geometrically) to span / count. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  const ticks: number[] = [];
  // Whole multiples of the step, rounded to its decimals so that 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let k = Math.ceil(low / step); k * step <= high + step * 1e-9; k++) ticks.push(Number((k * step).toFixed(decimals)));
  return ticks;
}

/**
 * The y range: every value (the unmonitored too), EWMA, limit and the centre, padded by a tenth of the
 * span (at least 0.01 each side); [0, 1] when there is nothing to show.
 */
export function chartDomain(chart: EwmaChart, unmonitored: readonly number[] = []): [number, number] {
  const values: number[] = [...unmonitored];
  for (const point of chart.points) {
    values.push(point.value);
    if (point.phase === 'monitoring') {
      values.push(point.ewma);
      if (point.lower !== null) values.push(point.lower);
      if (point.upper !== null) values.push(point.upper);
    }
  }
  if (chart.centre !== null) values.push(chart.centre);
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) / 10, 0.01);
  return [low - pad, high + pad];
}

const path = (points: Array<[number, number]>): string => points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`).join(' ');

/** The column of each chart point and of each unmonitored value: an unmonitored value goes before the chart point it is `after` of. */
function columns(points: number, unmonitored: readonly UnmonitoredValue[]): { ofPoint: number[]; ofUnmonitored: number[] } {
  const ofPoint = Array.from({ length: points }, (_, index) => index + unmonitored.filter((u) => u.after <= index).length);
  const ofUnmonitored = unmonitored.map((u, j) => Math.min(u.after, points) + unmonitored.filter((v, k) => v.after < u.after || (v.after === u.after && k < j)).length);
  return { ofPoint, ofUnmonitored };
}

export function chartLayout(chart: EwmaChart, frame: ChartFrame = CHART_FRAME, unmonitored: readonly UnmonitoredValue[] = []): ChartLayout {
  const domain = chartDomain(chart, unmonitored.map((u) => u.value));
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const column = plotWidth / Math.max(chart.points.length + unmonitored.length, 1);
  const { ofPoint, ofUnmonitored } = columns(chart.points.length, unmonitored);
  const xOfColumn = (at: number) => frame.left + (at + 0.5) * column;
  const x = (index: number) => xOfColumn(ofPoint[index]);
  const y = (value: number) => frame.top + ((domain[1] - value) / (domain[1] - domain[0])) * plotHeight;
  const monitored = chart.points.filter((p: EwmaPoint): p is EwmaMonitoredPoint => p.phase === 'monitoring');
  const limit = (side: 'lower' | 'upper') => path(monitored.flatMap((p) => {
    const value = p[side];
    return value === null ? [] : [[x(p.index), y(value)] as [number, number]];
  }));
  return {
    domain,
    ticks: niceTicks(domain[0], domain[1]).map((value) => ({ value, y: y(value) })),
    points: chart.points.map((p) => ({ index: p.index, x: x(p.index), yValue: y(p.value), yEwma: p.phase === 'monitoring' ? y(p.ewma) : null })),
    unmonitored: unmonitored.map((u, j) => ({ x: xOfColumn(ofUnmonitored[j]), yValue: y(u.value) })),
    centreY: chart.centre === null ? null : y(chart.centre),
    ewmaPath: path(monitored.map((p) => [x(p.index), y(p.ewma)])),
    upperPath: limit('upper'),
    lowerPath: limit('lower'),
    // Right of the last baseline point, so that an unmonitored value just after it is not shaded as baseline.
    baselineEndX: monitored.length === 0 ? null : frame.left + (ofPoint[monitored[0].index - 1] + 1) * column,
  };
}
