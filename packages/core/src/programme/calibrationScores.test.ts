// Calibration is accuracy against the gold, per annotator and case. Masks with answers known in
// closed form (metrics/compareMasks.test.ts): a 10³ gold cube; a copy shifted 2 voxels (overlap 800,
// Dice 0.8, HD 2 mm); a box 2 columns longer (overlap 1000 of 1200, Dice 2000/2200, +0.2 mL = +20 %).
import { compareMasks } from '../metrics/compareMasks';
import { box, grid } from '../metrics/metrics.fixture';
import { calibrationScores, type CalibrationResult } from './calibrationScores';

const g = grid(20, 16, 16);
const gold = box(g, [2, 2, 2], [10, 10, 10]);
const shifted = compareMasks(box(g, [4, 2, 2], [10, 10, 10]), gold);
const longer = compareMasks(box(g, [2, 2, 2], [12, 10, 10]), gold);
const thresholds = { minDice: 0.85, maxHd95Mm: 5, nsdToleranceMm: 2, minNsd: 0.5 };

const results: CalibrationResult[] = [
  { caseId: 'cal-1', annotator: 'okafor', structure: 'Cube', modality: 'CT', date: '2024-04-01', agreement: longer },
  { caseId: 'cal-2', annotator: 'okafor', structure: 'Cube', modality: 'CT', date: '2024-03-01', agreement: shifted },
  { caseId: 'cal-0', annotator: 'okafor', structure: 'Cube', modality: 'CT', agreement: longer },
  { caseId: 'cal-1', annotator: 'chen', structure: 'Cube', modality: 'CT', date: '2024-04-02', agreement: shifted },
];

describe('calibrationScores', () => {
  const scores = calibrationScores(results, { thresholds: (structure) => (structure === 'Cube' ? thresholds : null) });

  it('lists every calibration case of each annotator, by date, undated last', () => {
    expect(scores.map((s) => s.annotator)).toEqual(['chen', 'okafor']);
    expect(scores[1].cases.map((c) => c.caseId)).toEqual(['cal-2', 'cal-1', 'cal-0']);
    expect(scores[1].cases[2].date).toBeNull();
  });

  it('scores accuracy against the gold: Dice, volume error of the annotator over the gold', () => {
    const [shiftedCase, longerCase] = scores[1].cases;
    expect(shiftedCase.dice).toBeCloseTo(0.8, 15);
    expect(shiftedCase.hdMm).toBe(2);
    expect(shiftedCase.volumeErrorMl).toBe(0);
    expect(longerCase.dice).toBeCloseTo(2000 / 2200, 15);
    expect(longerCase.volumeMl).toBeCloseTo(1.2, 15);
    expect(longerCase.goldVolumeMl).toBe(1);
    expect(longerCase.volumeErrorMl).toBeCloseTo(0.2, 15);
    expect(longerCase.volumeErrorPercent).toBeCloseTo(20, 12);
  });

  it('judges each case against the SOP thresholds: Dice 0.8 < 0.85 escalates, 0.909 passes', () => {
    const [shiftedCase, longerCase] = scores[1].cases;
    expect(shiftedCase.judgement?.verdict).toBe('escalate');
    expect(shiftedCase.judgement?.failed).toEqual([{ criterion: 'minDice', threshold: 0.85, value: shiftedCase.dice }]);
    expect(longerCase.judgement?.verdict).toBe('pass');
  });

  it('summarises per structure: mean and min Dice, HD95 over defined values, mean |volume error|', () => {
    const [summary] = scores[1].structures;
    expect(summary).toMatchObject({ structure: 'Cube', modality: 'CT', cases: 3, passed: 2, failed: 1 });
    expect(summary.meanDice).toBeCloseTo((0.8 + 2 * (2000 / 2200)) / 3, 14);
    expect(summary.minDice).toBeCloseTo(0.8, 15);
    expect(summary.meanHd95Mm).toBeCloseTo((shifted.hd95Mm! + 2 * longer.hd95Mm!) / 3, 14);
    expect(summary.maxHd95Mm).toBe(Math.max(shifted.hd95Mm!, longer.hd95Mm!));
    expect(summary.meanAbsVolumeErrorPercent).toBeCloseTo((0 + 20 + 20) / 3, 12);
  });

  it('leaves judgement null without thresholds, and HD95 summaries null when no distance is defined', () => {
    const empty = compareMasks(box(g, [0, 0, 0], [0, 0, 0]), gold);
    const [only] = calibrationScores([{ caseId: 'cal-1', annotator: 'x', structure: 'Cube', modality: 'CT', agreement: empty }]);
    expect(only.cases[0].judgement).toBeNull();
    expect(only.cases[0].dice).toBe(0);
    expect(only.cases[0].volumeErrorPercent).toBeCloseTo(-100, 12);
    expect([only.structures[0].meanHd95Mm, only.structures[0].maxHd95Mm]).toEqual([null, null]);
  });

  it('refuses a case scored twice and an NSD tolerance compareMasks did not compute', () => {
    expect(() => calibrationScores([results[0], { ...results[0] }])).toThrow('results[1]: okafor / cal-1 / Cube / CT is already results[0]');
    expect(() => calibrationScores(results, { thresholds: () => ({ ...thresholds, nsdToleranceMm: 3 }) }))
      .toThrow(expect.objectContaining({ name: 'ProgrammeInputError', argument: 'results[0].agreement.nsd' }));
  });
});
