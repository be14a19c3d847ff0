// Who is due for recalibration, from core driftState on series whose charts are known: a baseline
// 0.91, 0.89, 0.91, 0.89 (centre 0.9) then 0.85 alarms below at once (λ 1 makes the chart Shewhart's).
import { agreementSeries, driftState, type AgreementObservation, type DriftChart } from '@segqc/core';
import { recalibrationsDue } from './recalibrationsDue';

const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);
function charts(values: Record<string, number[]>): DriftChart[] {
  const observations: AgreementObservation[] = Object.entries(values).flatMap(([key, dice]) => {
    const [annotator, structure] = key.split('|');
    return dice.map((d, k) => ({ caseId: `case-${k + 1}`, date: week(k), annotator, structure, modality: 'CT', dice: d, reference: 'peer' as const }));
  });
  const series = agreementSeries(observations, { references: ['peer'] });
  const states = driftState(series, { lambda: 1, calibrationCases: [{ caseId: 'ct-cal', modality: 'CT' }, { caseId: 'mr-cal', modality: 'MR' }] });
  return series.map((s, i) => ({ series: s, state: states[i], references: { peer: s.values.length } }));
}
const BASELINE = [0.91, 0.89, 0.91, 0.89];

it('lists each annotator due once, with every series due and the calibration cases of their modality', () => {
  const due = recalibrationsDue(charts({
    'okafor|Right lung': [...BASELINE, 0.85],
    'okafor|Left lung': [...BASELINE, 0.9, 0.85],
    'rivera|Right lung': [...BASELINE, 0.9],
  }));
  expect(due).toEqual([{
    annotator: 'okafor',
    series: [
      { structure: 'Left lung', modality: 'CT', sinceCaseId: 'case-6', sinceDate: week(5) },
      { structure: 'Right lung', modality: 'CT', sinceCaseId: 'case-5', sinceDate: week(4) },
    ],
    calibrationCases: ['ct-cal'],
  }]);
});

it('an alarm the chart came back from, or one above (better agreement), asks for nothing', () => {
  expect(recalibrationsDue(charts({ 'chen|Right lung': [...BASELINE, 0.85, 0.9], 'rivera|Right lung': [...BASELINE, 0.95] }))).toEqual([]);
});
