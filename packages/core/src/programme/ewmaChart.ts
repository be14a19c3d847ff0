import { c4, D2_MOVING_RANGE } from './controlChartConstants';
import { ProgrammeInputError } from './ProgrammeInputError';

export type EwmaSide = 'above' | 'below';
/** How σ is estimated from the baseline: s / c4(n), or the mean moving range / d2 (Montgomery §6.4). */
export type SigmaEstimator = 'standardDeviation' | 'movingRange';

export interface EwmaOptions {
  /** Weight of the newest value, 0 < λ ≤ 1; default 0.2. */
  lambda?: number;
  /** L, the limits' width in standard deviations of the EWMA; default 3. */
  limitWidth?: number;
  /**
   * The first n values form the baseline (Phase I): they give the centre line and σ and are not
   * monitored. Default 4 (DEFAULT_BASELINE_POINTS); 0 is allowed only when centre and sigma are given.
   */
  baselinePoints?: number;
  /** Default 'standardDeviation'. */
  sigmaEstimator?: SigmaEstimator;
  /** A known in-control mean; default the mean of the baseline values. */
  centre?: number;
  /** A known in-control σ of one value; default estimated from the baseline values. */
  sigma?: number;
  /**
   * The smallest σ the chart uses: σ_used = max(σ, sigmaFloor), so that the limits are never narrower
   * than the floor makes them; a baseline without variation then gets limits from the floor alone.
   * Default none (0).
   */
  sigmaFloor?: number;
  /**
   * The side(s) on which the chart alarms: 'both' (default), or only 'below' / 'above' (a one-sided
   * chart: a Dice above the centre line is better agreement, never drift). Both limits are still given.
   */
  alarmSide?: EwmaSide | 'both';
}

/**
 * Four points: short on purpose, so that a programme has a chart from its second month at about one
 * case per annotator a week. Give more (Montgomery asks for 20–25 Phase I samples) when there are.
 */
export const DEFAULT_BASELINE_POINTS = 4;
export const EWMA_DEFAULTS = Object.freeze({
  lambda: 0.2,
  limitWidth: 3,
  baselinePoints: DEFAULT_BASELINE_POINTS,
  sigmaEstimator: 'standardDeviation' as SigmaEstimator,
});

export interface EwmaBaselinePoint {
  phase: 'baseline';
  /** Position in the series (0-based). */
  index: number;
  value: number;
}

export interface EwmaMonitoredPoint {
  phase: 'monitoring';
  index: number;
  /** i in the limit formula: 1 for the first monitored value. */
  step: number;
  value: number;
  /** z_i = λ x_i + (1 − λ) z_{i−1}, z_0 = the centre. */
  ewma: number;
  /** Centre ∓ L σ √(λ / (2 − λ) · (1 − (1 − λ)^{2i})); null when σ is undefined. */
  lower: number | null;
  upper: number | null;
  /** The side z_i is strictly beyond; null when within the limits or when there are none. */
  alarm: EwmaSide | null;
}

export type EwmaPoint = EwmaBaselinePoint | EwmaMonitoredPoint;

export interface EwmaAlarm {
  index: number;
  side: EwmaSide;
  ewma: number;
  /** The limit it is beyond. */
  limit: number;
}

export interface EwmaChart {
  lambda: number;
  limitWidth: number;
  baselinePoints: number;
  /** false while the series has fewer values than the baseline needs: nothing is monitored yet. */
  baselineComplete: boolean;
  /** The centre line; null while the baseline is incomplete (and no centre was given). */
  centre: number | null;
  /**
   * σ of one value the limits use, max(baselineSigma, sigmaFloor); null while the baseline is
   * incomplete, or when every baseline value is the same and there is no floor (no variation to set
   * limits from: the limits are undefined, not zero).
   */
  sigma: number | null;
  /** σ as the baseline gives it (or as given), before the floor; null as for sigma without a floor. */
  baselineSigma: number | null;
  /** The floor of σ (options.sigmaFloor); null when none. */
  sigmaFloor: number | null;
  /** The floor set σ: it is above what the baseline gives (or the baseline had no variation). */
  sigmaFloored: boolean;
  /** The side(s) that alarm. */
  alarmSide: EwmaSide | 'both';
  sigmaSource: SigmaEstimator | 'given';
  /** L σ √(λ / (2 − λ)), the half-width the limits approach; null without σ. */
  asymptoticHalfWidth: number | null;
  points: EwmaPoint[];
  alarms: EwmaAlarm[];
  firstAlarmIndex: number | null;
}

function checkOptions(options: EwmaOptions): Required<Omit<EwmaOptions, 'centre' | 'sigma'>> & Pick<EwmaOptions, 'centre' | 'sigma'> {
  const { lambda = EWMA_DEFAULTS.lambda, limitWidth = EWMA_DEFAULTS.limitWidth, sigmaEstimator = EWMA_DEFAULTS.sigmaEstimator, centre, sigma, sigmaFloor = 0, alarmSide = 'both' } = options;
  if (!(typeof sigmaFloor === 'number' && Number.isFinite(sigmaFloor) && sigmaFloor >= 0)) throw new ProgrammeInputError('options.sigmaFloor', `must be a number ≥ 0, got ${String(sigmaFloor)}`);
  if (alarmSide !== 'both' && alarmSide !== 'below' && alarmSide !== 'above') throw new ProgrammeInputError('options.alarmSide', `must be 'both', 'below' or 'above', got ${String(alarmSide)}`);
  if (!(typeof lambda === 'number' && lambda > 0 && lambda <= 1)) throw new ProgrammeInputError('options.lambda', `must be in (0, 1], got ${String(lambda)}`);
  if (!(typeof limitWidth === 'number' && Number.isFinite(limitWidth) && limitWidth > 0)) throw new ProgrammeInputError('options.limitWidth', `must be a positive number, got ${String(limitWidth)}`);
  if (sigmaEstimator !== 'standardDeviation' && sigmaEstimator !== 'movingRange') {
    throw new ProgrammeInputError('options.sigmaEstimator', `must be 'standardDeviation' or 'movingRange', got ${String(sigmaEstimator)}`);
  }
  if (centre !== undefined && !(typeof centre === 'number' && Number.isFinite(centre))) throw new ProgrammeInputError('options.centre', `must be a finite number, got ${String(centre)}`);
  if (sigma !== undefined && !(typeof sigma === 'number' && Number.isFinite(sigma) && sigma > 0)) throw new ProgrammeInputError('options.sigma', `must be a positive number, got ${String(sigma)}`);
  // The fewest baseline values that can give what was not given: a mean needs 1, a σ needs 2.
  const minimum = sigma !== undefined ? (centre !== undefined ? 0 : 1) : 2;
  const baselinePoints = options.baselinePoints ?? (centre !== undefined && sigma !== undefined ? 0 : EWMA_DEFAULTS.baselinePoints);
  if (!Number.isInteger(baselinePoints) || baselinePoints < minimum) {
    throw new ProgrammeInputError('options.baselinePoints', `must be an integer ≥ ${minimum} (${minimum === 2 ? 'σ is estimated from the baseline' : minimum === 1 ? 'the centre is estimated from the baseline' : 'centre and σ given'}), got ${String(baselinePoints)}`);
  }
  return { lambda, limitWidth, sigmaEstimator, baselinePoints, centre, sigma, sigmaFloor, alarmSide };
}

function estimateSigma(baseline: readonly number[], estimator: SigmaEstimator): number {
  const n = baseline.length;
  if (estimator === 'movingRange') {
    let sum = 0;
    for (let i = 1; i < n; i++) sum += Math.abs(baseline[i] - baseline[i - 1]);
    return sum / (n - 1) / D2_MOVING_RANGE;
  }
  const mean = baseline.reduce((a, b) => a + b, 0) / n;
  const squares = baseline.reduce((a, x) => a + (x - mean) ** 2, 0);
  return Math.sqrt(squares / (n - 1)) / c4(n);
}

/**
 * An EWMA control chart (Roberts 1959; Montgomery, "Introduction to Statistical Quality Control",
 * 6th ed., §9.2) over a time-ordered series of values, e.g. an annotator's Dice against the reference
 * case after case.
 *
 * The first `baselinePoints` values are the baseline (Phase I): the centre line μ₀ is their mean and σ
 * is s / c4(n) (or MR̄ / d2); they are shown but not monitored. Monitoring (Phase II) starts with the
 * next value at z₀ = μ₀: z_i = λ x_i + (1 − λ) z_{i−1}, with the exact time-varying limits
 * μ₀ ± L σ √(λ / (2 − λ) · (1 − (1 − λ)^{2i})). A point alarms when z_i is strictly beyond a limit,
 * on that side (only on `alarmSide` when one is given). σ is never below `sigmaFloor`. The chart never
 * resets after an alarm: each monitored point says whether it is beyond.
 */
export function ewmaChart(values: readonly number[], options: EwmaOptions = {}): EwmaChart {
  if (!Array.isArray(values)) throw new ProgrammeInputError('values', 'must be an array of numbers');
  values.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ProgrammeInputError(`values[${i}]`, `must be a finite number, got ${String(value)}`);
  });
  const { lambda, limitWidth, sigmaEstimator, baselinePoints, centre: givenCentre, sigma: givenSigma, sigmaFloor: floor, alarmSide } = checkOptions(options);
  const sigmaFloor = floor > 0 ? floor : null;
  const baselineComplete = values.length >= baselinePoints;
  const baseline = values.slice(0, baselinePoints);
  const points: EwmaPoint[] = baseline.map((value, index) => ({ phase: 'baseline', index, value }));
  const sigmaSource: EwmaChart['sigmaSource'] = givenSigma !== undefined ? 'given' : sigmaEstimator;
  const chart = { lambda, limitWidth, baselinePoints, baselineComplete, sigmaSource, sigmaFloor, alarmSide, points };
  if (!baselineComplete) {
    return { ...chart, centre: givenCentre ?? null, sigma: givenSigma ?? null, baselineSigma: givenSigma ?? null, sigmaFloored: false, asymptoticHalfWidth: null, alarms: [], firstAlarmIndex: null };
  }

  const centre = givenCentre ?? baseline.reduce((a, b) => a + b, 0) / baselinePoints;
  // Equal baseline values leave σ undefined. Compared exactly: their mean need not round back to the
  // value, and s would then be a spurious 1e-17.
  const baselineSigma = givenSigma ?? (baseline.every((value) => value === baseline[0]) ? null : estimateSigma(baseline, sigmaEstimator));
  const sigmaFloored = sigmaFloor !== null && (baselineSigma === null || baselineSigma < sigmaFloor);
  const sigma = sigmaFloored ? sigmaFloor : baselineSigma;
  const alarms: EwmaAlarm[] = [];
  let z = centre;
  for (let index = baselinePoints; index < values.length; index++) {
    const step = index - baselinePoints + 1;
    const value = values[index];
    z = lambda * value + (1 - lambda) * z;
    let lower: number | null = null;
    let upper: number | null = null;
    let alarm: EwmaSide | null = null;
    if (sigma !== null) {
      const halfWidth = limitWidth * sigma * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * step)));
      lower = centre - halfWidth;
      upper = centre + halfWidth;
      alarm = z > upper && alarmSide !== 'below' ? 'above' : z < lower && alarmSide !== 'above' ? 'below' : null;
      if (alarm) alarms.push({ index, side: alarm, ewma: z, limit: alarm === 'above' ? upper : lower });
    }
    points.push({ phase: 'monitoring', index, step, value, ewma: z, lower, upper, alarm });
  }
  return {
    ...chart,
    centre,
    sigma,
    baselineSigma,
    sigmaFloored,
    asymptoticHalfWidth: sigma === null ? null : limitWidth * sigma * Math.sqrt(lambda / (2 - lambda)),
    alarms,
    firstAlarmIndex: alarms.length > 0 ? alarms[0].index : null,
  };
}
