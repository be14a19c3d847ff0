// The EWMA chart on series small enough to compute by hand. With λ = 0.2, λ/(2 − λ) = 1/9, so with
// L = 3 the half-width is σ √(1 − 0.64^i): 0.6 σ, √0.5904 σ, √0.737856 σ, √0.83222784 σ, √0.8926258176 σ.
import { c4, D2_MOVING_RANGE } from './controlChartConstants';
import { EWMA_DEFAULTS, ewmaChart, type EwmaMonitoredPoint } from './ewmaChart';
import { ProgrammeInputError } from './ProgrammeInputError';

const monitored = (points: readonly { phase: string }[]): EwmaMonitoredPoint[] => points.filter((p): p is EwmaMonitoredPoint => p.phase === 'monitoring');
const HALF_WIDTH_FACTORS = [0.6, Math.sqrt(0.5904), Math.sqrt(0.737856), Math.sqrt(0.83222784), Math.sqrt(0.8926258176)];

describe('ewmaChart with a known centre 10 and σ 1 (λ 0.2, L 3)', () => {
  const chart = ewmaChart([10, 10, 13, 13, 13], { centre: 10, sigma: 1 });
  const points = monitored(chart.points);

  it('monitors every value when centre and σ are given: nothing to estimate', () => {
    expect(chart.baselinePoints).toBe(0);
    expect(points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(chart.sigmaSource).toBe('given');
  });

  it('z_i = 0.2 x_i + 0.8 z_{i−1} from z_0 = 10: 10, 10, 10.6, 11.08, 11.464', () => {
    [10, 10, 10.6, 11.08, 11.464].forEach((z, i) => expect(points[i].ewma).toBeCloseTo(z, 12));
  });

  it('has the exact time-varying limits, widening towards L σ √(λ/(2 − λ)) = 1', () => {
    HALF_WIDTH_FACTORS.forEach((h, i) => {
      expect(points[i].upper).toBeCloseTo(10 + h, 12);
      expect(points[i].lower).toBeCloseTo(10 - h, 12);
    });
    expect(points[0].upper).toBeCloseTo(10.6, 12); // first limit L σ λ: √(λ/(2−λ) · λ(2−λ)) = λ
    expect(chart.asymptoticHalfWidth).toBeCloseTo(1, 12);
  });

  it('alarms above from the 4th value (11.08 > 10.912), not at the 3rd (10.6 < 10.859)', () => {
    expect(points.map((p) => p.alarm)).toEqual([null, null, null, 'above', 'above']);
    expect(chart.firstAlarmIndex).toBe(3);
    expect(chart.alarms.map((a) => [a.index, a.side])).toEqual([[3, 'above'], [4, 'above']]);
    expect(chart.alarms[0].limit).toBeCloseTo(10 + Math.sqrt(0.83222784), 12);
  });
});

describe('ewmaChart detects a step after an estimated baseline', () => {
  // Baseline 1, −1, 1, −1: mean 0, s = √(4/3), c4(4) = √(2/3) Γ(2)/Γ(3/2) = √(2/3) · 2/√π, so
  // σ̂ = s / c4 = √(π/2). After a step to 2: z_i = 2 (1 − 0.8^i) = 0.4, 0.72, 0.976, 1.1808, 1.34464
  // against √(π/2) · (0.6, 0.768, 0.859, 0.912, 0.945) = 0.752, 0.963, 1.077, 1.143, 1.184.
  const sigma = Math.sqrt(Math.PI / 2);
  const up = ewmaChart([1, -1, 1, -1, 2, 2, 2, 2, 2]);

  it('takes the centre and σ from the first 4 values (the default baseline)', () => {
    expect(EWMA_DEFAULTS.baselinePoints).toBe(4);
    expect(up.points.slice(0, 4).every((p) => p.phase === 'baseline')).toBe(true);
    expect(up.centre).toBe(0);
    expect(up.sigma).toBeCloseTo(sigma, 12);
  });

  it('first alarms at the 4th value after the step (index 7): 1.1808 > 1.1434, 0.976 < 1.0766', () => {
    const points = monitored(up.points);
    [0.4, 0.72, 0.976, 1.1808, 1.34464].forEach((z, i) => expect(points[i].ewma).toBeCloseTo(z, 12));
    HALF_WIDTH_FACTORS.forEach((h, i) => expect(points[i].upper).toBeCloseTo(sigma * h, 12));
    expect(up.firstAlarmIndex).toBe(7);
    expect(points.map((p) => p.alarm)).toEqual([null, null, null, 'above', 'above']);
  });

  it('reports a step down on the lower side', () => {
    const down = ewmaChart([1, -1, 1, -1, -2, -2, -2, -2, -2]);
    expect(down.firstAlarmIndex).toBe(7);
    expect(down.alarms.map((a) => a.side)).toEqual(['below', 'below']);
  });
});

describe('σ from the baseline', () => {
  it('c4(n) matches Montgomery’s Appendix table (n = 2, 3, 4, 5, 10, 25)', () => {
    [[2, 0.7979], [3, 0.8862], [4, 0.9213], [5, 0.94], [10, 0.9727], [25, 0.9896]].forEach(([n, value]) => expect(c4(n)).toBeCloseTo(value, 4));
    expect(D2_MOVING_RANGE).toBeCloseTo(1.128, 3);
  });

  it('standardDeviation: s / c4; movingRange: MR̄ / d2 (baseline 0, 2, 2, 4)', () => {
    // s = √(8/3), s / c4(4) = √(8/3) · √π / (2 √(2/3)) = √π; MR̄ = (2 + 0 + 2) / 3, MR̄ / (2/√π) = 2√π/3.
    expect(ewmaChart([0, 2, 2, 4]).sigma).toBeCloseTo(Math.sqrt(Math.PI), 12);
    const byRange = ewmaChart([0, 2, 2, 4], { sigmaEstimator: 'movingRange' });
    expect(byRange.sigma).toBeCloseTo((2 * Math.sqrt(Math.PI)) / 3, 12);
    expect(byRange.sigmaSource).toBe('movingRange');
    expect(byRange.centre).toBe(2);
  });

  it('a given centre overrides the baseline mean, a given σ the estimate', () => {
    const centred = ewmaChart([1, -1, 1, -1, 0], { centre: 0.5 });
    expect([centred.baselinePoints, centred.centre]).toEqual([4, 0.5]);
    expect(centred.sigma).toBeCloseTo(Math.sqrt(Math.PI / 2), 12);
    const scaled = ewmaChart([1, -1, 1, -1, 0], { sigma: 2 });
    expect([scaled.baselinePoints, scaled.centre, scaled.sigma, scaled.sigmaSource]).toEqual([4, 0, 2, 'given']);
  });
});

describe('edge cases', () => {
  it('an incomplete baseline monitors nothing and has no centre yet', () => {
    const chart = ewmaChart([0.9, 0.92]);
    expect(chart.baselineComplete).toBe(false);
    expect(chart.centre).toBeNull();
    expect(chart.sigma).toBeNull();
    expect(chart.points.map((p) => p.phase)).toEqual(['baseline', 'baseline']);
    expect(chart.firstAlarmIndex).toBeNull();
  });

  it('a baseline without variation leaves σ and the limits undefined (null), never zero-width', () => {
    const chart = ewmaChart([0.1, 0.1, 0.1, 0.1, 0.5]);
    expect(chart.sigma).toBeNull();
    const [point] = monitored(chart.points);
    expect(point.ewma).toBeCloseTo(0.2 * 0.5 + 0.8 * 0.1, 15);
    expect([point.lower, point.upper, point.alarm]).toEqual([null, null, null]);
    expect(chart.alarms).toEqual([]);
  });

  it('λ = 1 is the Shewhart individuals chart: limits ±L σ, a value on the limit is not an alarm', () => {
    const chart = ewmaChart([3, 3.000001, -3, -3.000001], { lambda: 1, centre: 0, sigma: 1 });
    const points = monitored(chart.points);
    expect(points.map((p) => p.upper)).toEqual([3, 3, 3, 3]);
    expect(points.map((p) => p.alarm)).toEqual([null, 'above', null, 'below']);
  });

  it.each([
    [{ lambda: 0 }, 'options.lambda'],
    [{ lambda: 1.5 }, 'options.lambda'],
    [{ limitWidth: -1 }, 'options.limitWidth'],
    [{ baselinePoints: 1 }, 'options.baselinePoints'],
    [{ baselinePoints: 2.5 }, 'options.baselinePoints'],
    [{ sigma: 1, baselinePoints: 0 }, 'options.baselinePoints'],
    [{ sigma: 0 }, 'options.sigma'],
    [{ centre: Number.NaN }, 'options.centre'],
    [{ sigmaEstimator: 'range' as never }, 'options.sigmaEstimator'],
  ])('rejects %p naming %s', (options, argument) => {
    expect(() => ewmaChart([1, 2, 3, 4, 5], options)).toThrow(expect.objectContaining({ name: 'ProgrammeInputError', argument }));
  });

  it('rejects a value that is not a finite number, naming it', () => {
    expect(() => ewmaChart([1, 2, Number.NaN])).toThrow(ProgrammeInputError);
    expect(() => ewmaChart([1, 2, Number.NaN])).toThrow('values[2]');
  });
});
