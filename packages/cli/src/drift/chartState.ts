import type { DriftState } from '@segqc/core';

/** One chart's state in words, for the table and the report: in control, in alarm since…, still in its baseline, nothing monitored. */
export function chartState(state: DriftState, caseName: (studyInstanceUid: string) => string): string {
  const { chart } = state;
  if (chart.points.length === 0) return 'not monitored (no case with an adjudicated or gold reference)';
  if (!chart.baselineComplete) return `baseline (${chart.points.length} of ${chart.baselinePoints} cases)`;
  if (chart.sigma === null) return 'no limits (the baseline cases agree exactly)';
  if (state.recalibrationDue && state.dueSince) return `ALARM ${state.latestAlarm} since ${caseName(state.dueSince.caseId)} (${state.dueSince.date.slice(0, 10)})`;
  if (state.latestAlarm !== null) return `beyond the ${state.latestAlarm === 'above' ? 'upper' : 'lower'} limit (agreement ${state.latestAlarm === 'above' ? 'improved' : 'worse'})`;
  return state.alarm ? 'in control (alarm earlier)' : 'in control';
}
