import { icc } from './icc';
import { StatsInputError } from './StatsInputError';

// Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges. Published: BMS = 11.24, WMS = 6.26,
// JMS = 32.49, EMS = 1.02; ICC(1,1) = 0.17, ICC(2,1) = 0.29, ICC(3,1) = 0.71. The intervals are those
// the R package psych (ICC, McGraw & Wong's formulas) prints for this data set: ICC1 [−0.133, 0.72],
// ICC2 [0.019, 0.76], ICC3 [0.342, 0.95], F = 1.79 (5, 18), F = 11.03 (5, 15).
const TABLE_2 = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

test('Shrout & Fleiss Table 2 gives their mean squares and ICC(1,1) = 0.17, ICC(2,1) = 0.29, ICC(3,1) = 0.71', () => {
  const result = icc(TABLE_2);
  expect(result.targets).toBe(6);
  expect(result.raters).toBe(4);
  expect(result.meanSquares.rows).toBeCloseTo(11.24, 2);
  expect(result.meanSquares.within).toBeCloseTo(6.26, 2);
  expect(result.meanSquares.columns).toBeCloseTo(32.49, 2);
  expect(result.meanSquares.error).toBeCloseTo(1.02, 2);
  expect(result.icc1.value).toBeCloseTo(0.17, 2);
  expect(result.icc2.value).toBeCloseTo(0.29, 2);
  expect(result.icc3.value).toBeCloseTo(0.71, 2);
  // Exactly: BMS = 1349/120 and EMS = 367/360, so ICC(3,1) = (BMS − EMS)/(BMS + 3 EMS) = 3680/5148.
  expect(result.meanSquares.rows).toBeCloseTo(1349 / 120, 12);
  expect(result.meanSquares.error).toBeCloseTo(367 / 360, 12);
  expect(result.icc3.value).toBeCloseTo(3680 / 5148, 12);
});

test('their F tests and McGraw & Wong intervals match psych\'s printout', () => {
  const { icc1, icc2, icc3 } = icc(TABLE_2);
  expect([icc1.f, icc1.df1, icc1.df2]).toEqual([expect.closeTo(1.79, 2), 5, 18]);
  expect([icc3.f, icc3.df1, icc3.df2]).toEqual([expect.closeTo(11.03, 2), 5, 15]);
  expect(icc1.pValue).toBeCloseTo(0.165, 3);
  expect(icc3.pValue).toBeCloseTo(0.000135, 6);
  expect(icc1.interval!.lower).toBeCloseTo(-0.133, 3);
  expect(icc1.interval!.upper).toBeCloseTo(0.72, 2);
  expect(icc2.interval!.lower).toBeCloseTo(0.019, 3);
  expect(icc2.interval!.upper).toBeCloseTo(0.76, 2);
  expect(icc3.interval!.lower).toBeCloseTo(0.342, 3);
  expect(icc3.interval!.upper).toBeCloseTo(0.95, 2);
  // More digits, from the same formulas evaluated with scipy's F quantiles:
  expect(icc2.interval!.lower).toBeCloseTo(0.018786513374712016, 9);
  expect(icc2.interval!.upper).toBeCloseTo(0.7610843696489529, 9);
  expect(icc1.interval!.method).toMatch(/McGraw & Wong 1996/);
});

test('raters that agree exactly give ICC = 1 everywhere; a constant table gives null, not NaN', () => {
  const same = icc([[1, 1, 1], [5, 5, 5], [2, 2, 2]]);
  expect(same.icc1.value).toBe(1);
  expect(same.icc2.value).toBe(1);
  expect(same.icc3.value).toBe(1);
  expect(same.icc3.interval).toMatchObject({ lower: 1, upper: 1 });
  expect(same.icc2.interval).toMatchObject({ lower: 1, upper: 1 });
  const constant = icc([[3, 3], [3, 3]]);
  expect(constant.icc1.value).toBeNull();
  expect(constant.icc2.value).toBeNull();
  expect(constant.icc3.value).toBeNull();
});

test('a constant offset between raters lowers absolute agreement ICC(2,1) but not consistency ICC(3,1)', () => {
  const offset = icc([[1, 3], [5, 7], [2, 4], [8, 10]]);
  expect(offset.icc3.value).toBe(1);
  expect(offset.icc2.value!).toBeLessThan(1);
  // volumes around 1e6 mL keep their digits
  const shifted = icc(TABLE_2.map((row) => row.map((x) => x + 1e6)));
  expect(shifted.icc2.value).toBeCloseTo(icc(TABLE_2).icc2.value!, 8);
});

test('malformed input is a typed error naming the argument', () => {
  expect(() => icc([[1, 2]])).toThrow(StatsInputError);
  expect(() => icc([[1], [2]])).toThrow(/columns/);
  expect(() => icc([[1, 2], [3]])).toThrow(/data\[1\]/);
  expect(() => icc([[1, 2], [3, Number.NaN]])).toThrow(/data\[1\]\[1\]/);
  expect(() => icc([[1, 2], [3, 4]], { confidence: 95 })).toThrow(/options\.confidence/);
});
