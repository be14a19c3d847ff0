import { krippendorffAlpha } from './krippendorffAlpha';
import { StatsInputError } from './StatsInputError';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", its example of nominal data with
// any number of observers and missing values: 4 observers × 12 units, missing values as null (• in
// the paper). Published: α_nominal = 0.743, α_interval = 0.849; n = 40 pairable values,
// unit 12 (a single value) is dropped.
const _ = null;
const PAPER = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

test('the paper\'s nominal example gives α = 0.743', () => {
  const result = krippendorffAlpha(PAPER, 'nominal');
  expect(result.pairableValues).toBe(40);
  expect(result.units).toBe(11);
  expect(result.unitsDropped).toBe(1);
  expect(result.alpha).toBeCloseTo(0.743, 3);
  // By the paper's coincidence matrix: n_c = 9, 13, 10, 5, 3 for values 1…5, so Σ n_c² = 384; the
  // disagreeing coincidences Σ_{c≠k} o_ck = 8 (unit 2: 6 ordered pairs / 3, unit 6: 12 / 3, unit 8: 6 / 3);
  // α = 1 − (n − 1) Σ_{c≠k} o_ck / (n² − Σ n_c²) = 1 − 39 · 8 / (1600 − 384) = 1 − 312 / 1216.
  expect(result.alpha).toBeCloseTo(1 - 312 / 1216, 14);
  expect(result.observedDisagreement).toBeCloseTo(8 / 40, 14);
  expect(result.expectedDisagreement).toBeCloseTo(1216 / (40 * 39), 14);
});

test('the same data at the interval level give the paper\'s α = 0.849', () => {
  const result = krippendorffAlpha(PAPER, 'interval');
  expect(result.alpha).toBeCloseTo(0.849, 3);
  expect(result.alpha).toBeCloseTo(0.8491071428571428, 12);
});

test('the bootstrap over units is reproducible from its seed and brackets the estimate', () => {
  const options = { bootstrap: { samples: 1000, seed: 2011 } };
  const result = krippendorffAlpha(PAPER, 'nominal', options);
  const interval = result.bootstrap!;
  expect(interval.confidence).toBe(0.95);
  expect(interval.method).toMatch(/units resampled/);
  expect(interval.lower).toBeLessThan(result.alpha!);
  expect(interval.upper).toBeGreaterThan(result.alpha!);
  expect(interval.upper).toBeLessThanOrEqual(1);
  expect(krippendorffAlpha(PAPER, 'nominal', options).bootstrap).toEqual(interval);
});

test('perfect agreement gives α = 1; a single value everywhere gives null (D_e = 0), not NaN', () => {
  expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3], [1, _, 3]], 'nominal').alpha).toBe(1);
  expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3]], 'interval').alpha).toBe(1);
  expect(krippendorffAlpha([[4, 4], [4, 4]], 'nominal').alpha).toBeNull();
});

test('the interval metric is invariant to a shift of all values (no precision lost on large values)', () => {
  const shifted = PAPER.map((row) => row.map((v) => (v === null ? null : v + 1e9)));
  expect(krippendorffAlpha(shifted, 'interval').alpha).toBeCloseTo(0.8491071428571428, 9);
});

test('malformed input is a typed error naming the argument', () => {
  expect(() => krippendorffAlpha([[1, 2]], 'nominal')).toThrow(/at least 2 observers/);
  expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(/ratings\[1\]/);
  expect(() => krippendorffAlpha([[1, Number.NaN], [1, 2]], 'interval')).toThrow(/ratings\[0\]\[1\]/);
  expect(() => krippendorffAlpha([[1, _], [_, 2]], 'nominal')).toThrow(/nothing is pairable/);
  expect(() => krippendorffAlpha([[1], [1]], 'ordinal' as never)).toThrow(StatsInputError);
});
