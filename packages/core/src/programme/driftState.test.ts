// The rule that turns a chart into "recalibration due", on series whose charts are known from
// ewmaChart.test.ts: a baseline 0.9 ± 0.01 (centre 0.9, σ̂ = 0.01 √(π/2)) and then a step of
// 0.02 is first beyond the limit at its 4th value (index 7): z − 0.9 = ∓0.011808 against ±0.011434.
import { agreementSeries, type AgreementObservation } from './agreementSeries';
import { driftState } from './driftState';

const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);
const BASELINE = [0.91, 0.89, 0.91, 0.89];

function seriesOf(values: number[], structure = 'Right lung', modality = 'CT') {
  const observations: AgreementObservation[] = values.map((dice, k) => ({
    caseId: `case-${k + 1}`, date: week(k), annotator: 'okafor', structure, modality, dice, reference: 'adjudicated',
  }));
  return agreementSeries(observations);
}

const CALIBRATION = [
  { caseId: 'ct-cal', modality: 'CT' },
  { caseId: 'ct-cal-nodules', modality: 'CT', structures: ['Lung nodule'] },
  { caseId: 'mr-cal', modality: 'MR' },
];

describe('driftState', () => {
  it('is due when the latest point is below the lower limit, since the first point of that run', () => {
    const [state] = driftState(seriesOf([...BASELINE, 0.88, 0.88, 0.88, 0.88, 0.88]), { calibrationCases: CALIBRATION });
    expect(state.chart.firstAlarmIndex).toBe(7);
    expect(state.alarm).toBe(true);
    expect(state.latestAlarm).toBe('below');
    expect(state.recalibrationDue).toBe(true);
    expect(state.dueSince).toEqual({ index: 7, caseId: 'case-8', date: week(7) });
    // CT, Right lung: the CT calibration case for every structure, not the nodule-only or the MR one.
    expect(state.calibrationCasesToRedo).toEqual(['ct-cal']);
  });

  it('is not due once the chart is back within its limits, though the alarm is reported', () => {
    // After the 5th low value z − 0.9 = −0.0134464; a value of 0.95 brings it to 0.2·0.05 − 0.8·0.0134464 = −0.00075712.
    const [state] = driftState(seriesOf([...BASELINE, 0.88, 0.88, 0.88, 0.88, 0.88, 0.95]), { calibrationCases: CALIBRATION });
    expect(state.chart.points[9]).toMatchObject({ alarm: null });
    expect(state.alarm).toBe(true);
    expect([state.latestAlarm, state.recalibrationDue, state.dueSince, state.calibrationCasesToRedo]).toEqual([null, false, null, []]);
  });

  // Issue 14: this used to be an "alarm above" that asked for nothing; the chart is now one-sided, so
  // better agreement is no alarm at all (the EWMA is still beyond the upper limit, which is drawn).
  it('never alarms when agreement improved (a Dice chart alarms below only)', () => {
    const [state] = driftState(seriesOf([...BASELINE, 0.92, 0.92, 0.92, 0.92]));
    const latest = state.chart.points[7];
    expect(latest.phase === 'monitoring' && latest.ewma > latest.upper!).toBe(true);
    expect([state.chart.alarms, state.alarm, state.latestAlarm, state.recalibrationDue]).toEqual([[], false, null, false]);
  });

  it('takes "above" as worse for a distance series', () => {
    const [state] = driftState(seriesOf([...BASELINE, 0.92, 0.92, 0.92, 0.92]), { worseSide: 'above', calibrationCases: CALIBRATION });
    expect(state.recalibrationDue).toBe(true);
    expect(state.dueSince?.index).toBe(7);
  });

  it('offers calibration cases by modality and listed structure', () => {
    const [state] = driftState(seriesOf([...BASELINE, 0.88, 0.88, 0.88, 0.88], 'Lung nodule'), { calibrationCases: CALIBRATION });
    expect(state.calibrationCasesToRedo).toEqual(['ct-cal', 'ct-cal-nodules']);
  });

  it('is never due while the series is still in its baseline', () => {
    const [state] = driftState(seriesOf([0.5, 0.99]), { calibrationCases: CALIBRATION });
    expect(state.chart.baselineComplete).toBe(false);
    expect([state.alarm, state.latestAlarm, state.recalibrationDue]).toEqual([false, null, false]);
  });

  it('passes the chart options through (λ = 1: a single value beyond 3σ alarms at once)', () => {
    const [state] = driftState(seriesOf([...BASELINE, 0.85]), { lambda: 1 });
    expect(state.chart.lambda).toBe(1);
    expect(state.recalibrationDue).toBe(true);
  });

  it('rejects an unknown worse side', () => {
    expect(() => driftState([], { worseSide: 'left' as never })).toThrow(expect.objectContaining({ argument: 'options.worseSide' }));
  });
});
