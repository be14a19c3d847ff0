import { fleissKappa } from './fleissKappa';
import { fleissKappaFromRatings } from './fleissKappaFromRatings';
import { StatsInputError } from './StatsInputError';

// The widely reproduced example of Wikipedia "Fleiss' kappa": 10 subjects, 14 raters, 5 categories.
// Published: p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P̄ = 0.378; P̄e = 0.213; κ = 0.210.
const WIKIPEDIA = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

test('10 subjects × 14 raters × 5 categories give κ ≈ 0.210 (P̄ = 0.378, P̄e = 0.213)', () => {
  const result = fleissKappa(WIKIPEDIA);
  expect(result.subjects).toBe(10);
  expect(result.raters).toBe(14);
  expect(result.categoryProportions.map((p) => +p.toFixed(3))).toEqual([0.143, 0.2, 0.279, 0.15, 0.229]);
  expect(result.meanObservedAgreement).toBeCloseTo(0.378, 3);
  expect(result.expectedAgreement).toBeCloseTo(0.213, 3);
  expect(result.kappa).toBeCloseTo(0.210, 3);
  // Exactly: Σ_ij x_ij² = 828, so P̄ = (828 − N n) / (N n (n − 1)) = 688 / 1820; category totals 20, 28, 39,
  // 21, 32 give P̄e = (400 + 784 + 1521 + 441 + 1024) / 140² = 4170 / 19600; κ = (P̄ − P̄e) / (1 − P̄e).
  expect(result.meanObservedAgreement).toBeCloseTo(688 / 1820, 14);
  expect(result.expectedAgreement).toBeCloseTo(4170 / 19600, 14);
  expect(result.meanObservedAgreement).toBeCloseTo(0.378021978021978, 12);
  expect(result.expectedAgreement).toBeCloseTo(0.21275510204081632, 12);
  expect(result.kappa).toBeCloseTo(0.20993070442195522, 12);
});

test('the Fleiss–Nee–Landis standard errors and per-category kappas of that example', () => {
  const result = fleissKappa(WIKIPEDIA);
  // SE₀(κ_j) = √(2 / (N n (n − 1))) = √(2 / 1820)
  const categorySe = Math.sqrt(2 / 1820);
  expect(result.categoryKappas.map((c) => c.standardErrorNull)).toEqual(new Array(5).fill(categorySe));
  // κ_j = 1 − Σ_i x_ij (14 − x_ij) / (1820 p_j q_j); e.g. category 1: Σ = 2·12 + 7·7 + 3·11 + 2·12 + 6·8 = 178,
  // p_1 = 20/140, so κ_1 = 1 − 178 / (1820 · (1/7)(6/7)) = 1 − 178 / 222.857… = 0.201282
  expect(result.categoryKappas[0].kappa).toBeCloseTo(1 - 178 / (1820 * (1 / 7) * (6 / 7)), 12);
  expect(result.categoryKappas.map((c) => c.kappa)).toEqual(
    [0.20128205, 0.07967033, 0.17159763, 0.03038138, 0.5076567].map((v) => expect.closeTo(v, 7)),
  );
  // SE₀(κ) = √2 / (Σ p_j q_j √1820) · √((Σ p_j q_j)² − Σ p_j q_j (q_j − p_j))
  const p = result.categoryProportions;
  const sumPq = p.reduce((a, pj) => a + pj * (1 - pj), 0);
  const third = p.reduce((a, pj) => a + pj * (1 - pj) * (1 - 2 * pj), 0);
  expect(result.standardErrorNull).toBeCloseTo((Math.SQRT2 / (sumPq * Math.sqrt(1820))) * Math.sqrt(sumPq ** 2 - third), 14);
  expect(result.standardErrorNull).toBeCloseTo(0.016965069224393132, 12);
  expect(result.z).toBeCloseTo(0.20993070442195522 / 0.016965069224393132, 9);
  expect(result.interval!.method).toMatch(/Fisher's z.*H0/);
  // Wald on Fisher's z: tanh(atanh κ̂ ∓ 1.96 · SE₀ / (1 − κ̂²)).
  const zSe = 0.016965069224393132 / (1 - 0.20993070442195522 ** 2);
  expect(result.interval!.lower).toBeCloseTo(Math.tanh(Math.atanh(0.20993070442195522) - 1.959963984540054 * zSe), 12);
  expect(result.interval!.upper).toBeCloseTo(Math.tanh(Math.atanh(0.20993070442195522) + 1.959963984540054 * zSe), 12);
});

test('a small sample near κ = 1 keeps its Wald interval inside [−1, 1] (κ̂ ± 1.96 SE₀ would not)', () => {
  // 4 subjects × 3 raters, one dissent: Σ x² = 9 + 9 + 5 + 9 = 32, P̄ = (32 − 12) / 24 = 5/6; category
  // totals 8 and 4 of 12 give P̄e = 80/144 = 5/9; κ = (5/6 − 5/9) / (4/9) = 5/8. SE₀ = √2 / √24 = 0.2887
  // (Σ p_j q_j (q_j − p_j) = 0 with two categories), so κ̂ + 1.96 SE₀ = 1.19.
  const result = fleissKappa([[3, 0], [0, 3], [2, 1], [3, 0]]);
  expect(result.kappa).toBeCloseTo(5 / 8, 14);
  expect(result.kappa! + 1.959963984540054 * result.standardErrorNull!).toBeGreaterThan(1);
  expect(result.interval!.lower).toBeGreaterThanOrEqual(-1);
  expect(result.interval!.upper).toBeLessThan(1);
  const zSe = result.standardErrorNull! / (1 - (5 / 8) ** 2);
  expect(result.interval!.upper).toBeCloseTo(Math.tanh(Math.atanh(5 / 8) + 1.959963984540054 * zSe), 12);
  // Perfect agreement: κ = 1 exactly, the Fisher-z interval the point (the bootstrap is the range to show).
  const perfect = fleissKappa([[3, 0], [0, 3], [3, 0]]);
  expect([perfect.kappa, perfect.interval!.lower, perfect.interval!.upper]).toEqual([1, 1, 1]);
});

test('from labels: each subject\'s 14 labels give the same kappa; a bootstrap over subjects brackets it', () => {
  const labels = WIKIPEDIA.map((row) => row.flatMap((count, j) => new Array<string>(count).fill(`c${j + 1}`)));
  const result = fleissKappaFromRatings(labels, undefined, { bootstrap: { samples: 500, seed: 11 } });
  expect(result.categories).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  expect(result.counts).toEqual(WIKIPEDIA);
  expect(result.kappa).toBeCloseTo(0.20993070442195522, 12);
  const bootstrap = result.bootstrap!;
  expect(bootstrap.lower).toBeLessThan(0.21);
  expect(bootstrap.upper).toBeGreaterThan(0.21);
  expect(bootstrap.samples).toBe(500);
  expect(fleissKappaFromRatings(labels, undefined, { bootstrap: { samples: 500, seed: 11 } }).bootstrap).toEqual(bootstrap);
});

test('perfect agreement gives κ = 1; one category everywhere gives null, not NaN', () => {
  expect(fleissKappa([[3, 0], [0, 3], [3, 0]]).kappa).toBeCloseTo(1, 15);
  const single = fleissKappa([[3, 0], [3, 0]]);
  expect(single.kappa).toBeNull();
  expect(single.categoryKappas[1].kappa).toBeNull();
  expect(single.reason).toBe('all 3 raters put all 2 subjects in category 1 of 2: with no variation, chance agreement is total (P̄e = 1) and κ = (P̄ − P̄e) / (1 − P̄e) is 0/0');
  expect(fleissKappaFromRatings([['yes', 'yes'], ['yes', 'yes']]).reason).toMatch(/^all 2 raters put all 2 subjects in category "yes": /);
  expect(fleissKappa([[3, 0], [0, 3]]).reason).toBeUndefined();
});

test('unequal numbers of raters, fractional counts or a single rater are typed errors', () => {
  expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(/counts\[1\].*same number of raters/);
  expect(() => fleissKappa([[1.5, 1.5]])).toThrow(StatsInputError);
  expect(() => fleissKappa([[1, 0], [0, 1]])).toThrow(/at least 2 raters/);
  expect(() => fleissKappaFromRatings([['a', 'b'], ['a']])).toThrow(StatsInputError);
});
