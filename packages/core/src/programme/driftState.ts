import type { AgreementSeries } from './agreementSeries';
import { ewmaChart, type EwmaChart, type EwmaOptions, type EwmaSide } from './ewmaChart';
import { ProgrammeInputError } from './ProgrammeInputError';

/** A case with a gold reference, for recalibration; `structures` absent: every structure of its modality. */
export interface CalibrationCase {
  caseId: string;
  modality: string;
  structures?: readonly string[];
}

export interface DriftOptions extends EwmaOptions {
  /** The side on which agreement is worse: 'below' for Dice (default), 'above' for a distance. */
  worseSide?: EwmaSide;
  /** The programme's calibration cases (gold reference), offered for recalibration. */
  calibrationCases?: readonly CalibrationCase[];
}

export interface DriftAlarmStart {
  /** Position in the series of the first point of the current run of worse-side alarms. */
  index: number;
  caseId: string;
  date: string;
}

export interface DriftState {
  annotator: string;
  structure: string;
  modality: string;
  chart: EwmaChart;
  /** Some monitored point is beyond a limit (either side). */
  alarm: boolean;
  /** The side the latest point is beyond; null when it is within the limits, in the baseline, or has none. */
  latestAlarm: EwmaSide | null;
  /** The latest point is beyond the limit on the worse side (see driftState). */
  recalibrationDue: boolean;
  /** Where the current run of worse-side alarms began; null unless recalibration is due. */
  dueSince: DriftAlarmStart | null;
  /** The calibration cases of this modality and structure to annotate again; empty unless recalibration is due. */
  calibrationCasesToRedo: string[];
}

/**
 * The drift state of each series: its EWMA chart (ewmaChart, with `options`), and the rule
 * **recalibration is due when the latest point of the chart is beyond its limit on the worse side**
 * (below for Dice). An earlier alarm the chart has since come back from is reported (`alarm`) but
 * asks for nothing; an alarm on the better side (agreement improved) never asks for recalibration. A
 * series still in its baseline, or whose baseline had no variation, is never due. When due, the
 * calibration cases of the series' modality (and structure, when the case lists structures) are the
 * ones to redo.
 */
export function driftState(series: readonly AgreementSeries[], options: DriftOptions = {}): DriftState[] {
  const { worseSide = 'below', calibrationCases = [], ...chartOptions } = options;
  if (worseSide !== 'below' && worseSide !== 'above') throw new ProgrammeInputError('options.worseSide', `must be 'below' or 'above', got ${String(worseSide)}`);
  calibrationCases.forEach((c, i) => {
    if (typeof c?.caseId !== 'string' || c.caseId === '') throw new ProgrammeInputError(`options.calibrationCases[${i}].caseId`, 'must be a non-empty string');
    if (typeof c.modality !== 'string' || c.modality === '') throw new ProgrammeInputError(`options.calibrationCases[${i}].modality`, 'must be a non-empty string');
  });

  return series.map((s, at) => {
    if (s.values.length !== s.observations.length) throw new ProgrammeInputError(`series[${at}]`, 'values and observations differ in length (build series with agreementSeries)');
    const chart = ewmaChart(s.values, chartOptions);
    const latest = chart.points[chart.points.length - 1];
    const latestAlarm = latest?.phase === 'monitoring' ? latest.alarm : null;
    const recalibrationDue = latestAlarm === worseSide;
    let dueSince: DriftAlarmStart | null = null;
    if (recalibrationDue) {
      let start = chart.points.length - 1;
      while (start > 0) {
        const previous = chart.points[start - 1];
        if (previous.phase !== 'monitoring' || previous.alarm !== worseSide) break;
        start--;
      }
      dueSince = { index: start, caseId: s.observations[start].caseId, date: s.observations[start].date };
    }
    const calibrationCasesToRedo = recalibrationDue
      ? calibrationCases.filter((c) => c.modality === s.modality && (!c.structures || c.structures.includes(s.structure))).map((c) => c.caseId)
      : [];
    return {
      annotator: s.annotator,
      structure: s.structure,
      modality: s.modality,
      chart,
      alarm: chart.alarms.length > 0,
      latestAlarm,
      recalibrationDue,
      dueSince,
      calibrationCasesToRedo,
    };
  });
}
