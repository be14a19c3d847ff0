// Who is due for recalibration, on programmes whose charts are worked out by hand. With λ 1 the EWMA
// is the value itself (a Shewhart chart): baseline 0.8, 0.82, 0.8, 0.82 gives centre 0.81 and
// σ = s / c4(4) ≈ 0.01253, so the limits are 0.81 ∓ 0.0376 and 0.76 is below, 0.86 above.
import { programmeReliability } from './programmeReliability';
import type { CaseObservations } from './caseObservations';
import { recalibrationsDue } from './recalibrationsDue';

const BASELINE = [0.8, 0.82, 0.8, 0.82];
const day = (k: number): string => `2024-05-${String(k + 1).padStart(2, '0')}`;

/** One case per index; each key `annotator|structure|modality` gives that chart's values in order. */
function programme(charts: Record<string, number[]>): CaseObservations[] {
  const length = Math.max(...Object.values(charts).map((v) => v.length));
  return Array.from({ length }, (_, k) => ({
    caseId: `case-${k + 1}`, modality: 'CT', structures: [], pairs: [], lesionCounts: [], calibration: [],
    agreement: Object.entries(charts).flatMap(([key, values]) => {
      const [annotator, structure, modality] = key.split('|');
      return k < values.length ? [{ caseId: `case-${k + 1}`, date: day(k), annotator, structure, modality, dice: values[k], reference: 'adjudicated' as const }] : [];
    }),
  }));
}
const calibrationCases = [
  { caseId: 'ct-cal', modality: 'CT' },
  { caseId: 'ct-cal-heart', modality: 'CT', structures: ['Heart'] },
  { caseId: 'mr-cal', modality: 'MR' },
];
const dueOf = (charts: Record<string, number[]>) => recalibrationsDue(programmeReliability(programme(charts), calibrationCases, { drift: { lambda: 1 }, labels: { bootstrap: false } }).drift);

it('one entry per annotator due, each chart since the start of its current run below, the calibration cases of its modality and structure once', () => {
  expect(dueOf({
    'Okafor^Chidi|Right lung|CT': [...BASELINE, 0.81, 0.76, 0.75],
    'Okafor^Chidi|Heart|CT': [...BASELINE, 0.76],
    'Okafor^Chidi|Brain lesion|MR': [...BASELINE, 0.81],
    'Chen^Wei|Right lung|CT': [...BASELINE, 0.81],
  })).toEqual([{
    annotator: 'Okafor^Chidi',
    series: [
      { structure: 'Heart', modality: 'CT', sinceCaseId: 'case-5', sinceDate: day(4) },
      { structure: 'Right lung', modality: 'CT', sinceCaseId: 'case-6', sinceDate: day(5) },
    ],
    calibrationCases: ['ct-cal', 'ct-cal-heart'],
  }]);
});

it('a chart back within its limits, one above them (better agreement) or still in its baseline asks for nothing', () => {
  expect(dueOf({ 'Chen^Wei|Right lung|CT': [...BASELINE, 0.76, 0.81], 'Rivera^Ana|Right lung|CT': [...BASELINE, 0.86], 'Singh^Priya|Right lung|MR': [0.5, 0.9] })).toEqual([]);
});
