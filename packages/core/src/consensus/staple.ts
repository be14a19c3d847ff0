import type { BitMask } from '../volume/BitMask';
import { checkSameGrid } from './checkSameGrid';
import { ConsensusInputError } from './ConsensusInputError';
import { countRaterPatterns, selectPatterns } from './raterPatterns';

const { abs, exp, log, max } = Math;

export interface StapleOptions {
  /** Default 100. */
  maxIterations?: number;
  /** Stop when no sensitivity or specificity changes by this much; default 1e-6. */
  tolerance?: number;
  /**
   * Prior probability that a region voxel is foreground, f(T = 1). Default: the raters' mean foreground
   * fraction over the region (as ITK's STAPLEImageFilter), held fixed during EM as in the paper.
   */
  prior?: number;
  /**
   * The voxels STAPLE models (default: the whole grid). Voxels that no rater marked are the
   * "consensus background"; they are not visited but counted (one count for the lot). Pass the
   * union of the masks to exclude them, or a dilation of it to model a neighbourhood: specificity is
   * relative to this region. Outside the region the consensus is background.
   */
  region?: BitMask;
}

export interface StapleResult {
  /** Voxels with posterior W ≥ 0.5. */
  consensus: BitMask;
  /** p_j = P(rater j marks | truth foreground); null when the estimated truth has no foreground. */
  sensitivity: (number | null)[];
  /** q_j = P(rater j leaves unmarked | truth background); null when it has no background. */
  specificity: (number | null)[];
  /** The prior f(T = 1) used. */
  prior: number;
  iterations: number;
  /** Whether the parameters settled within tolerance before maxIterations. */
  converged: boolean;
  /** Voxels modelled: the region, those some rater marked, and the consensus background counted at once. */
  voxels: { region: number; union: number; consensusBackground: number };
}

/** Clamping keeps logs finite when an estimate reaches exactly 0 or 1 (a rater who never misses). */
const EDGE = 1e-12;
const clampedLog = (p: number) => log(p < EDGE ? EDGE : p > 1 - EDGE ? 1 - EDGE : p);

/**
 * STAPLE for binary segmentations (Warfield, Zou & Wells 2004, "Simultaneous truth and performance
 * level estimation (STAPLE)", IEEE TMI 23:903–921): expectation–maximisation of each rater's
 * sensitivity p_j and specificity q_j and of the posterior W_i = P(T_i = 1 | D, p, q).
 *
 * Voxels with the same decision pattern (which raters marked them) share W, so EM runs on the pattern
 * histogram (at most 2^N patterns, weighted by voxel counts), not on voxels: the cost after one pass
 * over the marked voxels is independent of the grid size. Start: p_j = q_j = 0.99.
 * E-step: W = f Π_j p_j^{D_j} (1 − p_j)^{1 − D_j} / (that + (1 − f) Π_j q_j^{1 − D_j} (1 − q_j)^{D_j}).
 * M-step: p_j = Σ_{D_j = 1} W / Σ W, q_j = Σ_{D_j = 0} (1 − W) / Σ (1 − W), sums weighted by counts.
 */
export function staple(masks: readonly BitMask[], options: StapleOptions = {}): StapleResult {
  checkSameGrid(masks, options.region);
  const { maxIterations = 100, tolerance = 1e-6 } = options;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new ConsensusInputError('options.maxIterations', `must be an integer ≥ 1, got ${maxIterations}`);
  if (!(tolerance > 0)) throw new ConsensusInputError('options.tolerance', `must be > 0, got ${tolerance}`);
  if (options.prior !== undefined && !(options.prior > 0 && options.prior < 1)) {
    throw new ConsensusInputError('options.prior', `must be in (0, 1), got ${options.prior}`);
  }

  const n = masks.length;
  const histogram = countRaterPatterns(masks, options.region);
  const { patterns, counts, regionVoxels, unionVoxels } = histogram;
  const voxels = { region: regionVoxels, union: unionVoxels, consensusBackground: regionVoxels - unionVoxels };
  if (regionVoxels === 0) throw new ConsensusInputError('options.region', 'is empty');
  const P = patterns.length;
  const marks = new Uint8Array(P * n); // marks[k·n + j]: rater j marked pattern k
  let markedVotes = 0;
  for (let k = 0; k < P; k++) {
    for (let j = 0; j < n; j++) {
      const marked = (patterns[k] >>> j) & 1;
      marks[k * n + j] = marked;
      markedVotes += marked * counts[k];
    }
  }
  const prior = options.prior ?? markedVotes / (n * regionVoxels);
  if (markedVotes === 0 || markedVotes === n * regionVoxels) {
    // Nobody marked anything (or everybody marked the whole region): the truth is that, without
    // errors to estimate on the other class. EM would only drift on the clamped logs.
    const allMarked = markedVotes > 0;
    return {
      consensus: selectPatterns(masks, options.region, new Set(allMarked ? patterns : [])),
      sensitivity: new Array<number | null>(n).fill(allMarked ? 1 : null),
      specificity: new Array<number | null>(n).fill(allMarked ? null : 1),
      prior,
      iterations: 0,
      converged: true,
      voxels,
    };
  }

  const sensitivity = new Float64Array(n).fill(0.99);
  const specificity = new Float64Array(n).fill(0.99);
  const W = new Float64Array(P);
  const logPrior = clampedLog(prior);
  const logPriorBackground = clampedLog(1 - prior);
  const logs = new Float64Array(4 * n);

  const expectation = (): void => {
    for (let j = 0; j < n; j++) {
      logs[4 * j] = clampedLog(sensitivity[j]); // marked | T = 1
      logs[4 * j + 1] = clampedLog(1 - sensitivity[j]); // unmarked | T = 1
      logs[4 * j + 2] = clampedLog(1 - specificity[j]); // marked | T = 0
      logs[4 * j + 3] = clampedLog(specificity[j]); // unmarked | T = 0
    }
    for (let k = 0; k < P; k++) {
      let a = logPrior;
      let b = logPriorBackground;
      for (let j = 0; j < n; j++) {
        const unmarked = 1 - marks[k * n + j];
        a += logs[4 * j + unmarked];
        b += logs[4 * j + 2 + unmarked];
      }
      W[k] = 1 / (1 + exp(b - a)); // a / (a + b) in log space: no underflow with many raters
    }
  };

  let foregroundMass = 0;
  let backgroundMass = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    expectation();
    iterations++;
    foregroundMass = 0;
    backgroundMass = 0;
    const markedForeground = new Float64Array(n);
    const unmarkedBackground = new Float64Array(n);
    for (let k = 0; k < P; k++) {
      const fg = counts[k] * W[k];
      const bg = counts[k] - fg;
      foregroundMass += fg;
      backgroundMass += bg;
      for (let j = 0; j < n; j++) {
        if (marks[k * n + j]) markedForeground[j] += fg;
        else unmarkedBackground[j] += bg;
      }
    }
    let change = 0;
    for (let j = 0; j < n; j++) {
      if (foregroundMass > 0) {
        const p = markedForeground[j] / foregroundMass;
        change = max(change, abs(p - sensitivity[j]));
        sensitivity[j] = p;
      }
      if (backgroundMass > 0) {
        const q = unmarkedBackground[j] / backgroundMass;
        change = max(change, abs(q - specificity[j]));
        specificity[j] = q;
      }
    }
    converged = change < tolerance;
  }
  // W from the reported parameters decides the consensus.
  expectation();
  const accepted = new Set<number>();
  for (let k = 0; k < P; k++) if (W[k] >= 0.5) accepted.add(patterns[k]);

  return {
    consensus: selectPatterns(masks, options.region, accepted),
    sensitivity: Array.from(sensitivity, (p) => (foregroundMass > 0 ? p : null)),
    specificity: Array.from(specificity, (q) => (backgroundMass > 0 ? q : null)),
    prior,
    iterations,
    converged,
    voxels,
  };
}
