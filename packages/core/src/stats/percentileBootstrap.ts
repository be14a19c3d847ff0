import type { Interval } from './Interval';
import { SeededRandom } from './SeededRandom';
import { StatsInputError } from './StatsInputError';

export interface BootstrapOptions {
  /** Resamples to draw (e.g. 1000 to 10 000). */
  samples: number;
  /** Seed of the PRNG: the same seed gives the same interval. */
  seed: number;
  /** Default 0.95. */
  confidence?: number;
}

export interface BootstrapInterval extends Interval {
  /** Resamples drawn. */
  samples: number;
  /** Resamples on which the statistic was undefined (e.g. no variation left); left out of the percentiles. */
  undefinedSamples: number;
}

/** The q-quantile of sorted values, linear interpolation between order statistics (Hyndman & Fan type 7). */
export function interpolatedQuantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export function checkBootstrapOptions(options: BootstrapOptions, argument: string): Required<BootstrapOptions> {
  const { samples, seed, confidence = 0.95 } = options;
  if (!Number.isInteger(samples) || samples < 2) throw new StatsInputError(`${argument}.samples`, `must be an integer ≥ 2, got ${samples}`);
  if (!Number.isInteger(seed)) throw new StatsInputError(`${argument}.seed`, `must be an integer, got ${seed}`);
  if (!(confidence > 0 && confidence < 1)) throw new StatsInputError(`${argument}.confidence`, `must be in (0, 1), got ${confidence}`);
  return { samples, seed, confidence };
}

/**
 * Nonparametric percentile bootstrap over independent units (Efron & Tibshirani, "An Introduction to
 * the Bootstrap", 1993, ch. 13): draw `units` indices with replacement, evaluate the statistic, repeat;
 * the interval is the (1 ∓ confidence)/2 quantiles of the defined replicates. Null when no replicate
 * is defined.
 */
export function percentileBootstrap(
  units: number,
  statistic: (sample: Uint32Array) => number | null,
  options: BootstrapOptions,
  method: string,
): BootstrapInterval | null {
  const { samples, seed, confidence } = checkBootstrapOptions(options, 'options.bootstrap');
  const random = new SeededRandom(seed);
  const sample = new Uint32Array(units);
  const replicates = new Float64Array(samples);
  let defined = 0;
  for (let s = 0; s < samples; s++) {
    for (let u = 0; u < units; u++) sample[u] = random.nextInt(units);
    const value = statistic(sample);
    if (value !== null && Number.isFinite(value)) replicates[defined++] = value;
  }
  if (defined === 0) return null;
  const sorted = replicates.subarray(0, defined).sort();
  return {
    lower: interpolatedQuantile(sorted, (1 - confidence) / 2),
    upper: interpolatedQuantile(sorted, (1 + confidence) / 2),
    confidence,
    method,
    samples,
    undefinedSamples: samples - defined,
  };
}
