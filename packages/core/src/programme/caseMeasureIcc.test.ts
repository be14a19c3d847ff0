// ICC of a per-case measure on Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges, with
// their published mean squares (BMS 11.24, JMS 32.49, EMS 1.02, WMS 6.26) and ICCs (0.17, 0.29, 0.71).
import { caseMeasureIcc, type CaseMeasure } from './caseMeasureIcc';

const TABLE = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];
const measures: CaseMeasure[] = [
  ...TABLE.flatMap((row, t) => row.map((value, j) => ({ caseId: `case-${t + 1}`, annotator: `judge-${j + 1}`, value }))),
  { caseId: 'case-7', annotator: 'judge-1', value: 4 }, // measured by one judge only: left out
];

describe('caseMeasureIcc', () => {
  const result = caseMeasureIcc(measures);

  it('uses the cases every annotator measured, as a cases × annotators table', () => {
    expect(result.annotators).toEqual(['judge-1', 'judge-2', 'judge-3', 'judge-4']);
    expect(result.cases).toEqual(['case-1', 'case-2', 'case-3', 'case-4', 'case-5', 'case-6']);
    expect(result.droppedCases).toEqual(['case-7']);
    expect(result.data).toEqual(TABLE);
  });

  it('has the published mean squares and ICCs', () => {
    expect(result.meanSquares.rows).toBeCloseTo(11.24, 2);
    expect(result.meanSquares.columns).toBeCloseTo(32.49, 2);
    expect(result.meanSquares.error).toBeCloseTo(1.02, 2);
    expect(result.meanSquares.within).toBeCloseTo(6.26, 2);
    expect(result.icc1.value).toBeCloseTo(0.17, 2);
    expect(result.icc2.value).toBeCloseTo(0.29, 2);
    expect(result.icc3.value).toBeCloseTo(0.71, 2);
  });

  it('ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n) from the mean squares', () => {
    const { rows, columns, error } = result.meanSquares;
    expect(result.icc2.value).toBeCloseTo((rows - error) / (rows + 3 * error + (4 * (columns - error)) / 6), 14);
  });

  it('refuses too few complete cases, one annotator and a repeated measure', () => {
    expect(() => caseMeasureIcc(measures.slice(0, 5))).toThrow('needs at least 2 cases measured by every annotator, got 1');
    expect(() => caseMeasureIcc(measures.filter((m) => m.annotator === 'judge-1'))).toThrow('needs at least 2 annotators, got 1');
    expect(() => caseMeasureIcc([...measures, { caseId: 'case-1', annotator: 'judge-1', value: 3 }])).toThrow('judge-1 already measured case "case-1"');
    expect(() => caseMeasureIcc([{ caseId: 'a', annotator: 'x', value: Number.NaN }])).toThrow(expect.objectContaining({ argument: 'measures[0].value' }));
  });
});
