import { StatsInputError } from './StatsInputError';

export interface PairwiseMatrix {
  raters: string[];
  /** values[i][j] = values[j][i] = metric(i, j); null where the metric is undefined for that pair. */
  values: (number | null)[][];
  /** Per rater, the mean of its defined off-diagonal values: who agrees least with the others. */
  meanWithOthers: (number | null)[];
}

/**
 * A symmetric N × N matrix of a pairwise agreement metric between N annotators (Dice, HD95, …). The
 * metric is called once per unordered pair i < j and mirrored; the diagonal is `options.diagonal`
 * when given (e.g. 1 for Dice, 0 for a distance, null to leave it empty), else metric(i, i).
 */
export function pairwiseMatrix(
  raters: readonly string[],
  metric: (i: number, j: number) => number | null,
  options: { diagonal?: number | null } = {},
): PairwiseMatrix {
  const n = raters.length;
  const seen = new Set<string>();
  raters.forEach((rater, i) => {
    if (seen.has(rater)) throw new StatsInputError(`raters[${i}]`, `duplicate rater ${JSON.stringify(rater)}`);
    seen.add(rater);
  });
  const checked = (i: number, j: number): number | null => {
    const value = metric(i, j);
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new StatsInputError(`metric(${i}, ${j})`, `must return a finite number or null (undefined for this pair), got ${String(value)}`);
    }
    return value;
  };
  const values = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  for (let i = 0; i < n; i++) {
    values[i][i] = 'diagonal' in options ? (options.diagonal ?? null) : checked(i, i);
    for (let j = i + 1; j < n; j++) values[i][j] = values[j][i] = checked(i, j);
  }
  const meanWithOthers = values.map((row, i) => {
    const defined = row.filter((value, j): value is number => j !== i && value !== null);
    return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
  });
  return { raters: [...raters], values, meanWithOthers };
}
