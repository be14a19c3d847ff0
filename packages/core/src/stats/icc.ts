import { checkConfidence, checkMatrix } from './checkInput';
import { fQuantile, fSurvival } from './fDistribution';
import type { Interval } from './Interval';

export interface IccEstimate {
  /** The single-measure ICC; null when the data have no variance at all. */
  value: number | null;
  /** F-based interval of McGraw & Wong (1996), Table 7; null when undefined. */
  interval: Interval | null;
  /** The F statistic of H0: ICC = 0 (Infinity when the error term is 0; null with no variance at all). */
  f: number | null;
  df1: number;
  df2: number;
  /** Upper-tail p-value of f. */
  pValue: number | null;
}

export interface IntraclassCorrelation {
  targets: number;
  raters: number;
  /** Two-way ANOVA mean squares: rows (targets), columns (raters), residual, and within targets. */
  meanSquares: { rows: number; columns: number; error: number; within: number };
  /** ICC(1,1), one-way random: each target rated by different raters (McGraw & Wong ICC(1)). */
  icc1: IccEstimate;
  /** ICC(2,1), two-way random, absolute agreement (McGraw & Wong ICC(A,1)). */
  icc2: IccEstimate;
  /** ICC(3,1), two-way mixed, consistency (McGraw & Wong ICC(C,1)). */
  icc3: IccEstimate;
}

interface FTest {
  f: number | null;
  df1: number;
  df2: number;
  pValue: number | null;
}

/** The F ratio of two mean squares and its upper-tail p-value; null when both are 0 (no variance). */
function fTest(numerator: number, denominator: number, df1: number, df2: number): FTest {
  if (numerator === 0 && denominator === 0) return { f: null, df1, df2, pValue: null };
  const f = denominator === 0 ? Infinity : numerator / denominator;
  return { f, df1, df2, pValue: fSurvival(f, df1, df2) };
}

/** (F − 1) / (F + k − 1), the ICC implied by an F ratio; exact at the limits F = 0 and F = ∞. */
function iccFromF(f: number, k: number): number {
  return f === Infinity ? 1 : (f - 1) / (f + k - 1);
}

/**
 * The single-measure intraclass correlations of Shrout & Fleiss (1979), "Intraclass correlations: uses
 * in assessing rater reliability", Psychol. Bull. 86:420–428, from data[target][rater] (n ≥ 2 targets,
 * k ≥ 2 raters, complete), with the 95 % (or `confidence`) intervals of McGraw & Wong (1996),
 * "Forming inferences about some intraclass correlation coefficients", Psychol. Methods 1:30–46,
 * Table 7 (ICC(A,1) with their Satterthwaite degrees of freedom v).
 */
export function icc(data: readonly (readonly number[])[], options: { confidence?: number } = {}): IntraclassCorrelation {
  const k = checkMatrix(data, 'data', 2, 2);
  const confidence = checkConfidence(options.confidence, 'options.confidence');
  const n = data.length;

  let grand = 0;
  const rowMeans = data.map((row) => row.reduce((a, b) => a + b, 0) / k);
  const columnMeans = new Array<number>(k).fill(0);
  for (const row of data) row.forEach((x, j) => (columnMeans[j] += x / n));
  for (const mean of rowMeans) grand += mean / n;

  // Sums of squares computed from deviations (not from raw sums: volumes in mL would lose digits).
  let ssRows = 0;
  let ssColumns = 0;
  let ssError = 0;
  let ssWithin = 0;
  for (const mean of rowMeans) ssRows += k * (mean - grand) ** 2;
  for (const mean of columnMeans) ssColumns += n * (mean - grand) ** 2;
  data.forEach((row, i) =>
    row.forEach((x, j) => {
      ssError += (x - rowMeans[i] - columnMeans[j] + grand) ** 2;
      ssWithin += (x - rowMeans[i]) ** 2;
    }),
  );
  const dfRows = n - 1;
  const dfColumns = k - 1;
  const dfError = (n - 1) * (k - 1);
  const dfWithin = n * (k - 1);
  const msr = ssRows / dfRows;
  const msc = ssColumns / dfColumns;
  const mse = ssError / dfError;
  const msw = ssWithin / dfWithin;

  const tail = (1 + confidence) / 2; // e.g. 0.975
  const method = 'F-based (McGraw & Wong 1996, Table 7)';
  const oneWayTest = fTest(msr, msw, dfRows, dfWithin);
  const twoWayTest = fTest(msr, mse, dfRows, dfError);
  /**
   * ICC(1,1) and ICC(3,1) share one form: (MSR − M) / (MSR + (k − 1) M), with F = MSR / M on
   * (n − 1, dfM) and its F-based interval (M = MSW for the one-way, MSE for the two-way model).
   */
  const fromMeanSquare = (meanSquare: number, dfMeanSquare: number, test: FTest): IccEstimate =>
    test.f === null
      ? { value: null, interval: null, ...test }
      : {
          value: (msr - meanSquare) / (msr + (k - 1) * meanSquare),
          interval: {
            lower: iccFromF(test.f / fQuantile(tail, dfRows, dfMeanSquare), k),
            upper: iccFromF(test.f * fQuantile(tail, dfMeanSquare, dfRows), k),
            confidence,
            method,
          },
          ...test,
        };
  const icc1 = fromMeanSquare(msw, dfWithin, oneWayTest);
  const icc3 = fromMeanSquare(mse, dfError, twoWayTest);

  // ICC(2,1) = (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n); same F test as ICC(3,1).
  const icc2 = ((): IccEstimate => {
    const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
    if (twoWayTest.f === null || denominator === 0) return { value: null, interval: null, ...twoWayTest };
    const r = (msr - mse) / denominator;
    if (r === 1) return { value: r, interval: { lower: 1, upper: 1, confidence, method }, ...twoWayTest };
    // McGraw & Wong Table 7, ICC(A,1): a = k r / (n (1 − r)), b = 1 + k r (n − 1) / (n (1 − r)),
    // v = (a MSC + b MSE)² / ((a MSC)² / (k − 1) + (b MSE)² / ((n − 1)(k − 1))).
    const a = (k * r) / (n * (1 - r));
    const b = 1 + (k * r * (n - 1)) / (n * (1 - r));
    const v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / dfColumns + (b * mse) ** 2 / dfError);
    const lowerF = fQuantile(tail, dfRows, v);
    const upperF = fQuantile(tail, v, dfRows);
    const spread = k * msc + (k * n - k - n) * mse;
    return {
      value: r,
      interval: {
        lower: (n * (msr - lowerF * mse)) / (lowerF * spread + n * msr),
        upper: (n * (upperF * msr - mse)) / (spread + n * upperF * msr),
        confidence,
        method,
      },
      ...twoWayTest,
    };
  })();

  return { targets: n, raters: k, meanSquares: { rows: msr, columns: msc, error: mse, within: msw }, icc1, icc2, icc3 };
}
