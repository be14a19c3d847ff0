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
  // The interval is Wald on Fisher's z: tanh(atanh .4 ∓ 1.96 · SE / (1 − .4²)) = [0.1266, 0.6169]
  // (plain Wald .4 ∓ 1.96 · SE would be [0.1511, 0.6489]).
  const zSe = Math.sqrt(0.016128) / (1 - 0.16);
  expect(result.interval!.lower).toBeCloseTo(Math.tanh(Math.atanh(0.4) - 1.959963984540054 * zSe), 12);
  expect(result.interval!.upper).toBeCloseTo(Math.tanh(Math.atanh(0.4) + 1.959963984540054 * zSe), 12);
  expect(result.interval!.lower).toBeCloseTo(0.12665, 4);
  expect(result.interval!.upper).toBeCloseTo(0.61689, 4);
  expect(result.interval!.confidence).toBe(0.95);
  expect(result.interval!.method).toMatch(/Fisher's z.*Fleiss, Cohen & Everitt 1969/);
});

// Why: on small samples the plain Wald interval κ̂ ± 1.96 SE leaves κ's range (issue 14 saw
// [0.52, 1.14]); the interval on Fisher's z cannot. Each table's κ̂, SE (FCE 1969) and limits by hand.
test.each<[string, number[][], number, number, [number, number]]>([
  // p_o = .9, marginals A (.5, .5), B (.4, .6): p_e = .5, κ = .8; SE = .18590; Wald would be [0.436, 1.164].
  ['10 subjects, one disagreement', [[4, 1], [0, 5]], 0.8, 0.18590320061795604, [0.0862762, 0.9710704]],
  // p_o = .9, marginals A (.8, .2), B (.7, .3): p_e = .62, κ = .28 / .38; Wald would be [0.265, 1.209].
  ['10 subjects, a rare category', [[7, 1], [0, 2]], 0.28 / 0.38, 0.24085390713888286, [-0.0890496, 0.9623185]],
  // p_o = .1: κ = −.6, Wald would be [−1.096, −0.104].
  ['10 subjects, nearly always disagreeing', [[1, 4], [4, 1]], -0.6, 0.252982212813471, [-0.8991744, 0.0814160]],
])('a small sample (%s) keeps its interval inside [−1, 1]', (_, table, kappa, standardError, [lower, upper]) => {
  const result = cohensKappa(table);
  expect(result.kappa).toBeCloseTo(kappa, 14);
  expect(result.standardError).toBeCloseTo(standardError, 12);
  // Plain Wald leaves [−1, 1] on every one of these.
  expect(Math.abs(kappa) + 1.959963984540054 * standardError).toBeGreaterThan(1);
  const { lower: low, upper: high } = result.interval!;
  expect([low, high]).toEqual([expect.closeTo(lower, 6), expect.closeTo(upper, 6)]);
  expect(low).toBeGreaterThanOrEqual(-1);
  expect(high).toBeLessThanOrEqual(1);
  expect(low).toBeLessThan(kappa);
  expect(high).toBeGreaterThan(kappa);
});

test('every 2×2 table of up to 12 subjects gives an interval inside [−1, 1] around κ̂', () => {
  let tables = 0;
  for (let n = 1; n <= 12; n++) {
    for (let a = 0; a <= n; a++) for (let b = 0; a + b <= n; b++) for (let c = 0; a + b + c <= n; c++) {
      const result = cohensKappa([[a, b], [c, n - a - b - c]], { confidence: 0.99 });
      if (result.kappa === null) continue;
      tables++;
      const { lower, upper } = result.interval!;
      expect([lower >= -1, upper <= 1, lower <= result.kappa + 1e-12, upper >= result.kappa - 1e-12]).toEqual([true, true, true, true]);
    }
  }
  expect(tables).toBeGreaterThan(1000);
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

test('perfect agreement over several categories is κ = 1 with zero SE under the alternative, and the interval the point 1', () => {
  const result = cohensKappa([[3, 0, 0], [0, 4, 0], [0, 0, 5]]);
  expect(result.kappa).toBe(1);
  expect(result.standardError).toBeCloseTo(0, 7);
  expect([result.interval!.lower, result.interval!.upper]).toEqual([1, 1]);
  expect(result.interval!.method).toMatch(/at κ̂ = 1 Fisher's z is infinite, so the interval is the point$/);
  expect(result.reason).toBeUndefined();
});

test('when both raters used a single category, κ is undefined (null), not NaN, and the result says why in words', () => {
  const result = cohensKappaFromRatings([1, 1, 1], [1, 1, 1], [0, 1]);
  expect(result.kappa).toBeNull();
  expect(result.interval).toBeNull();
  expect(result.observedAgreement).toBe(1);
  expect(result.reason).toBe('both raters put all 3 subjects in category 1: with no variation, chance agreement is total (p_e = 1) and κ = (p_o − p_e) / (1 − p_e) is 0/0');
  expect(cohensKappaFromRatings(['no', 'no'], ['no', 'no']).reason).toMatch(/^both raters put all 2 subjects in category "no": /);
  expect(cohensKappa([[0, 0], [0, 4]]).reason).toMatch(/^both raters put all 4 subjects in category 2 of 2: with no variation, chance agreement is total \(p_e = 1\)/);
});

test('malformed input is a typed error naming the argument', () => {
  expect(() => cohensKappa([[1, 2], [3]])).toThrow(/table\[1\]/);
  expect(() => cohensKappa([[1, 2, 3], [4, 5, 6]])).toThrow(StatsInputError);
  expect(() => cohensKappa([[1, -2], [3, 4]])).toThrow(/table\[0\]\[1\]/);
  expect(() => cohensKappa([[0, 0], [0, 0]])).toThrow(/no subjects/);
  expect(() => cohensKappaFromRatings([1, 2], [1])).toThrow(StatsInputError);
  expect(() => cohensKappaFromRatings([1, 2], [1, 3], [1, 2])).toThrow(/b\[1\]/);
});
