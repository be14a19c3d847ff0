import type { AgreementSeries } from './agreementSeries';
import { vocabularyKey } from '../sop/structureVocabulary';
import { ewmaChart, EWMA_DEFAULTS, type EwmaChart, type EwmaOptions, type EwmaSide } from './ewmaChart';
import { ProgrammeInputError } from './ProgrammeInputError';

/**
 * The fewest baseline points a drift chart estimates its centre and σ from before it can alarm (the
 * chart's default, DEFAULT_BASELINE_POINTS): fewer are refused unless centre and σ are given.
 * Only points that are monitored count (a point whose reference was taken from the annotator is not).
 */
export const MINIMUM_BASELINE_POINTS = 4;

/**
 * The smallest clinically meaningful fall in Dice when no SOP names one for the structure: 0.02, the
 * smallest any shipped SOP names (the lungs'), so that a structure without a rule is charted no less
 * sensitively than one with.
 */
export const DEFAULT_MEANINGFUL_DICE_CHANGE = 0.02;

/**
 * The floor of a Dice chart's σ from the structure's meaningful Dice change m: **σ_used = max(σ_baseline,
 * m / L)**. A single value's limits, centre ± L σ_used, are then never narrower than m; and the first
 * monitored value (whose EWMA limit is λ L σ) alarms alone only when it falls by more than m.
 */
export function diceSigmaFloor(meaningfulDiceChange: number, limitWidth: number = EWMA_DEFAULTS.limitWidth): number {
  return meaningfulDiceChange / limitWidth;
}

/** A case with a gold reference, for recalibration; `structures` absent: every structure of its modality. */
export interface CalibrationCase {
  caseId: string;
  modality: string;
  structures?: readonly string[];
}

export interface DriftOptions extends Omit<EwmaOptions, 'alarmSide' | 'sigmaFloor'> {
  /** The side on which agreement is worse, and the only one that alarms: 'below' for Dice (default), 'above' for a distance. */
  worseSide?: EwmaSide;
  /**
   * The SOP's smallest clinically meaningful fall in Dice (SopStructure.drift.meaningfulDiceChange) by
   * structure label (matched as written, else case- and punctuation-insensitively): the floor of the
   * chart's σ is m / L (diceSigmaFloor). Only for Dice series (worseSide 'below').
   */
  meaningfulDiceChange?: Readonly<Record<string, number>>;
  /** m for a structure the map does not name; default DEFAULT_MEANINGFUL_DICE_CHANGE. */
  defaultMeaningfulDiceChange?: number;
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
  /** The meaningful Dice change m that floors σ (m / L); null for a series that is not Dice (worseSide 'above'). */
  meaningfulDiceChange: number | null;
  /** Some monitored point is beyond the worse-side limit (the only side that alarms). */
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

function checkChange(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw new ProgrammeInputError(argument, `must be a number in (0, 1], got ${String(value)}`);
  return value;
}

/**
 * The drift state of each series: its one-sided EWMA chart (ewmaChart, with `options`; only the
 * worse side alarms, σ floored at m / L for Dice), and the rule
 * **recalibration is due when the latest point of the chart is beyond its limit on the worse side**
 * (below for Dice). An earlier alarm the chart has since come back from is reported (`alarm`) but
 * asks for nothing; the better side (agreement improved) never alarms. A series still in its baseline
 * (MINIMUM_BASELINE_POINTS at least) is never due; a Dice baseline without variation gets its limits
 * from the floor m / L. When due, the
 * calibration cases of the series' modality (and structure, when the case lists structures) are the
 * ones to redo.
 */
export function driftState(series: readonly AgreementSeries[], options: DriftOptions = {}): DriftState[] {
  const { worseSide = 'below', calibrationCases = [], meaningfulDiceChange = {}, defaultMeaningfulDiceChange = DEFAULT_MEANINGFUL_DICE_CHANGE, ...chartOptions } = options;
  if (worseSide !== 'below' && worseSide !== 'above') throw new ProgrammeInputError('options.worseSide', `must be 'below' or 'above', got ${String(worseSide)}`);
  checkChange(defaultMeaningfulDiceChange, 'options.defaultMeaningfulDiceChange');
  const byLabel = new Map<string, number>();
  const byKey = new Map<string, number>();
  for (const [label, value] of Object.entries(meaningfulDiceChange)) {
    checkChange(value, `options.meaningfulDiceChange[${JSON.stringify(label)}]`);
    byLabel.set(label, value);
    const key = vocabularyKey(label);
    byKey.set(key, Math.min(value, byKey.get(key) ?? Infinity));
  }
  const changeOf = (structure: string): number => byLabel.get(structure) ?? byKey.get(vocabularyKey(structure)) ?? defaultMeaningfulDiceChange;
  const givenLimits = chartOptions.centre !== undefined && chartOptions.sigma !== undefined;
  if (chartOptions.baselinePoints !== undefined && !givenLimits && !(Number.isInteger(chartOptions.baselinePoints) && chartOptions.baselinePoints >= MINIMUM_BASELINE_POINTS)) {
    throw new ProgrammeInputError('options.baselinePoints', `a drift chart needs at least ${MINIMUM_BASELINE_POINTS} baseline points (MINIMUM_BASELINE_POINTS) unless centre and sigma are given, got ${String(chartOptions.baselinePoints)}`);
  }
  calibrationCases.forEach((c, i) => {
    if (typeof c?.caseId !== 'string' || c.caseId === '') throw new ProgrammeInputError(`options.calibrationCases[${i}].caseId`, 'must be a non-empty string');
    if (typeof c.modality !== 'string' || c.modality === '') throw new ProgrammeInputError(`options.calibrationCases[${i}].modality`, 'must be a non-empty string');
  });

  return series.map((s, at) => {
    if (s.values.length !== s.observations.length) throw new ProgrammeInputError(`series[${at}]`, 'values and observations differ in length (build series with agreementSeries)');
    const change = worseSide === 'below' ? changeOf(s.structure) : null;
    const limitWidth = chartOptions.limitWidth ?? EWMA_DEFAULTS.limitWidth;
    // An invalid L is ewmaChart's to refuse, by its own name.
    const sigmaFloor = change === null || !(limitWidth > 0 && Number.isFinite(limitWidth)) ? undefined : diceSigmaFloor(change, limitWidth);
    const chart = ewmaChart(s.values, { ...chartOptions, alarmSide: worseSide, ...(sigmaFloor !== undefined ? { sigmaFloor } : {}) });
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
      meaningfulDiceChange: change,
      alarm: chart.alarms.length > 0,
      latestAlarm,
      recalibrationDue,
      dueSince,
      calibrationCasesToRedo,
    };
  });
}
