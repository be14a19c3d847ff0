import { cohensKappa } from './cohensKappa';
import { cohensKappaFromRatings } from './cohensKappaFromRatings';
import { StatsInputError } from './StatsInputError';

// Why: case-level QC labels (e.g. "lesion present?") by two readers are summarised by Cohen's kappa.
// The 2×2 table 20 / 5 / 10 / 15 is the worked example of Wikipedia "Cohen's kappa": p_o = 35/50 = 0.7,
// marginals A (0.5, 0.5), B (0.6, 0.4), p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.2 / 0.5 = 0.40.
test('the 2×2 table [[20, 5], [10, 15]] gives κ = 0.40 with its Fleiss–Cohen–Everitt standard errors', () => {
  const result = cohensKappa([[20, 5], [10, 15]]);
  expect(result.observedAgreement).toBeCloseTo(0.7, 15);
  expect(result.expectedAgreement).toBeCloseTo(0.5, 15);
  expect(result.kappa).toBeCloseTo(0.4, 15);
  // By hand, the FCE 1969 variance under the alternative with p = [[.4, .1], [.2, .3]], κ = .4:
  //   Σ p_ii (1 − (p_i. + p_.i)(1 − κ))² = .4·(1 − 1.1·.6)² + .3·(1 − .9·.6)² = .04624 + .06348 = .10972
  //   (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)² = .36·(.1·1.1² + .2·.9²) = .36·.283 = .10188
  //   (κ − p_e(1 − κ))² = (.4 − .3)² = .01;  n(1 − p_e)² = 50·.25 = 12.5
  //   var = (.10972 + .10188 − .01) / 12.5 = .016128
  expect(result.standardError).toBeCloseTo(Math.sqrt(0.016128), 12);
  // Under H0: (p_e + p_e² − Σ p_i. p_.i (p_i. + p_.i)) / 12.5 = (.5 + .25 − (.5·.6·1.1 + .5·.4·.9)) / 12.5 = .24 / 12.5
  expect(result.standardErrorNull).toBeCloseTo(Math.sqrt(0.0192), 12);
  expect(result.z).toBeCloseTo(0.4 / Math.sqrt(0.0192), 12);
  expect(result.interval!.lower).toBeCloseTo(0.4 - 1.959963984540054 * Math.sqrt(0.016128), 12);
  expect(result.interval!.upper).toBeCloseTo(0.4 + 1.959963984540054 * Math.sqrt(0.016128), 12);
  expect(result.interval!.confidence).toBe(0.95);
  expect(result.interval!.method).toMatch(/Fleiss, Cohen & Everitt 1969/);
});

test('the same table from the two raters\' labels, with categories in the order given', () => {
  const a = [...Array(25).fill('yes'), ...Array(25).fill('no')];
  const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
  const result = cohensKappaFromRatings(a, b, ['yes', 'no']);
  expect(result.table).toEqual([[20, 5], [10, 15]]);
  expect(result.kappa).toBeCloseTo(0.4, 15);
  // Without categories they are sorted: 'no' before 'yes'; κ does not depend on the order.
  const sorted = cohensKappaFromRatings(a, b);
  expect(sorted.categories).toEqual(['no', 'yes']);
  expect(sorted.table).toEqual([[15, 10], [5, 20]]);
  expect(sorted.kappa).toBeCloseTo(0.4, 15);
});

test('perfect agreement over several categories is κ = 1 with zero SE under the alternative', () => {
  const result = cohensKappa([[3, 0, 0], [0, 4, 0], [0, 0, 5]]);
  expect(result.kappa).toBeCloseTo(1, 15);
  expect(result.standardError).toBeCloseTo(0, 7);
});

test('when both raters used a single category, κ is undefined (null), not NaN', () => {
  const result = cohensKappaFromRatings([1, 1, 1], [1, 1, 1], [0, 1]);
  expect(result.kappa).toBeNull();
  expect(result.interval).toBeNull();
  expect(result.observedAgreement).toBe(1);
});

test('malformed input is a typed error naming the argument', () => {
  expect(() => cohensKappa([[1, 2], [3]])).toThrow(/table\[1\]/);
  expect(() => cohensKappa([[1, 2, 3], [4, 5, 6]])).toThrow(StatsInputError);
  expect(() => cohensKappa([[1, -2], [3, 4]])).toThrow(/table\[0\]\[1\]/);
  expect(() => cohensKappa([[0, 0], [0, 0]])).toThrow(/no subjects/);
  expect(() => cohensKappaFromRatings([1, 2], [1])).toThrow(StatsInputError);
  expect(() => cohensKappaFromRatings([1, 2], [1, 3], [1, 2])).toThrow(/b\[1\]/);
});
