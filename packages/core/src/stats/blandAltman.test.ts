import { blandAltman } from './blandAltman';
import { StatsInputError } from './StatsInputError';

// Hand-computed: differences a − b = 2, 1, 3, 0, 4 → bias 2; deviations 0, −1, 1, −2, 2 → Σ = 10,
// SD = √(10/4) = √2.5 = 1.5811388; limits 2 ∓ 1.96·1.5811388 = −1.0990321, 5.0990321;
// t(0.975; 4) = 2.7764451 (tables: 2.776); SE(bias) = √2.5/√5 = √0.5;
// SE(limit) = √2.5 · √(1/5 + 1.96²/8) = √(2.5 · 0.6802) = √1.7005.
const A = [12, 15, 20, 22, 30];
const B = [10, 14, 17, 22, 26];
const T = 2.7764451051977934;

test('bias, SD and limits of agreement of a small hand-computed set', () => {
  const result = blandAltman(A, B);
  expect(result.pairs).toBe(5);
  expect(result.bias).toBe(2);
  expect(result.standardDeviation).toBeCloseTo(Math.sqrt(2.5), 14);
  expect(result.lowerLimit).toBeCloseTo(2 - 1.96 * Math.sqrt(2.5), 14);
  expect(result.upperLimit).toBeCloseTo(5.0990321, 7);
  expect(result.multiplier).toBe(1.96);
  expect(result.points[0]).toEqual({ mean: 11, difference: 2 });
});

test('the Bland & Altman (1999) intervals of the bias and of both limits', () => {
  const result = blandAltman(A, B);
  expect(result.biasInterval.lower).toBeCloseTo(2 - T * Math.sqrt(0.5), 10);
  expect(result.biasInterval.upper).toBeCloseTo(2 + T * Math.sqrt(0.5), 10);
  expect(result.biasInterval.upper).toBeCloseTo(3.963243, 6);
  const halfWidth = T * Math.sqrt(1.7005);
  expect(result.lowerLimitInterval.lower).toBeCloseTo(result.lowerLimit - halfWidth, 10);
  expect(result.upperLimitInterval.upper).toBeCloseTo(result.upperLimit + halfWidth, 10);
  expect(result.upperLimitInterval.confidence).toBe(0.95);
  expect(result.upperLimitInterval.method).toMatch(/Bland & Altman 1999/);
});

test('identical measurements: zero bias and zero-width limits', () => {
  const result = blandAltman([1, 2, 3], [1, 2, 3]);
  expect(result).toMatchObject({ bias: 0, standardDeviation: 0, lowerLimit: 0, upperLimit: 0 });
  expect(result.biasInterval).toMatchObject({ lower: 0, upper: 0 });
});

test('malformed input is a typed error naming the argument', () => {
  expect(() => blandAltman([1, 2], [1])).toThrow(StatsInputError);
  expect(() => blandAltman([1], [1])).toThrow(/at least 2 pairs/);
  expect(() => blandAltman([1, Number.POSITIVE_INFINITY], [1, 2])).toThrow(/a\[1\]/);
});
