/**
 * The reliability statistics of a whole annotation programme from its cases' observations
 * (caseObservations): the drift chart of every annotator × structure × modality, the pairwise
 * inter-rater matrices, agreement on case-level lesion labels, and the calibration scores.
 *
 * Drift charts monitor each annotator's Dice against a reference standard: the case's adjudicated
 * SEG or the gold SEG of a calibration case. A case without one (reference 'peer': Dice against the
 * majority vote of its annotators) is shown on the chart but not monitored: the majority moves with
 * the annotators (a drifting annotator pulls it along, and the others then seem to drift away from
 * it), and agreement with a consensus one voted in is a different quantity from agreement with a
 * reference standard, so one chart must not mix them. Nor is a point monitored whose reference standard
 * was taken from the annotator (accepted, or edited from their mask) or made with their vote (majority,
 * STAPLE, an agreed structure): it is drawn beside the others, marked (AgreementObservation.unmonitored).
 * Charts are one-sided with a σ floor from the SOP's meaningful Dice change (driftState). Each chart
 * also carries the annotator's Dice against the leave-one-out majority of the others, case by case
 * (shown, not monitored).
 *
 * Calibration cases are scored for accuracy against their gold, not for inter-rater reliability:
 * their pairs and labels stay out of the IRR matrices and the kappa/alpha of case labels, which
 * describe the programme's own cases (calibration cases are picked, not drawn from the workload).
 */
import { agreementSeries, type AgreementObservation, type AgreementReference, type AgreementSeries } from '../programme/agreementSeries';
import { isoInstant } from '../programme/isoInstant';
import { calibrationScores, type AnnotatorCalibration, type CalibrationScoresOptions } from '../programme/calibrationScores';
import { caseLabelAgreement, type CaseLabel, type CaseLabelAgreement, type CaseLabelOptions } from '../programme/caseLabels';
import { driftState, type CalibrationCase, type DriftOptions, type DriftState } from '../programme/driftState';
import { pairwiseMatrix } from '../stats/pairwiseMatrix';
import type { CaseObservations, LeaveOneOutDice } from './caseObservations';

/** The references whose observations the drift charts monitor: the reference standards. */
export const DRIFT_REFERENCES: readonly AgreementReference[] = Object.freeze(['adjudicated', 'gold']);

export interface DriftChart {
  /** The monitored points; no observations when every case of the chart lacks a reference standard. */
  series: AgreementSeries;
  state: DriftState;
  /** How many monitored points were measured against each reference standard, for the chart's legend. */
  references: Partial<Record<AgreementReference, number>>;
  /**
   * Shown, not monitored, oldest first (ties by case id): Dice against the majority vote (reference
   * 'peer'), and Dice against a reference standard marked `unmonitored` (taken from this annotator, or
   * a consensus they voted in).
   */
  unmonitored: AgreementObservation[];
  /** Dice against the leave-one-out majority of the other annotators, case by case, oldest first: shown, not monitored. */
  leaveOneOut: LeaveOneOutDice[];
}

export interface IrrMatrix {
  structure: string;
  modality: string;
  /** Sorted. */
  annotators: string[];
  /** Mean Dice of each pair over the cases both annotated; null on the diagonal and where they share no case. */
  meanDice: (number | null)[][];
  /** Cases behind each mean. */
  cases: number[][];
}

/** A case-level label derived from a lesion structure: whether the annotator found any lesion, and how many. */
export type LesionLabelKind = 'lesion-present' | 'lesion-count';

export interface LesionLabelAgreement {
  kind: LesionLabelKind;
  structure: string;
  modality: string;
  labels: CaseLabel[];
  /** null when fewer than two annotators labelled any one case: there is nothing to agree on. */
  agreement: CaseLabelAgreement | null;
}

export interface ProgrammeReliability {
  /** Sorted by annotator, structure and modality (agreementSeries). */
  drift: DriftChart[];
  /** By modality, then structures in the order the cases first have them. */
  irr: IrrMatrix[];
  /** As irr, each lesion structure's two labels in turn. */
  lesionLabels: LesionLabelAgreement[];
  calibration: AnnotatorCalibration[];
}

export interface ReliabilityOptions {
  /**
   * EWMA chart and drift rule options (the calibration cases come from the argument), among them the
   * SOP's meaningful Dice change by structure (meaningfulDiceChangesOf), the floor of each chart's σ.
   */
  drift?: Omit<DriftOptions, 'calibrationCases'>;
  labels?: CaseLabelOptions;
  calibration?: CalibrationScoresOptions;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const seriesKey = (s: AgreementSeries): string => JSON.stringify([s.annotator, s.structure, s.modality]);

type Timed = { caseId: string; date: string };
const byTime = (a: Timed, b: Timed): number => isoInstant(a.date, 'date') - isoInstant(b.date, 'date') || compareText(a.caseId, b.caseId);
const keyOf = (o: { annotator: string; structure: string; modality: string }): string => JSON.stringify([o.annotator, o.structure, o.modality]);

/**
 * One chart per annotator × structure × modality of any kind, in agreementSeries' order; an empty
 * monitored series where there are only unmonitored points.
 */
function chartSeries(
  monitored: readonly AgreementSeries[], unmonitored: readonly AgreementObservation[], leaveOneOut: readonly LeaveOneOutDice[],
): Array<{ monitored: AgreementSeries; unmonitored: AgreementObservation[]; leaveOneOut: LeaveOneOutDice[] }> {
  const charts = new Map(monitored.map((s) => [seriesKey(s), { monitored: s, unmonitored: [] as AgreementObservation[], leaveOneOut: [] as LeaveOneOutDice[] }]));
  const chartOf = (o: { annotator: string; structure: string; modality: string }) => {
    let chart = charts.get(keyOf(o));
    if (!chart) charts.set(keyOf(o), (chart = { monitored: { annotator: o.annotator, structure: o.structure, modality: o.modality, observations: [], values: [] }, unmonitored: [], leaveOneOut: [] }));
    return chart;
  };
  for (const o of unmonitored) chartOf(o).unmonitored.push(o);
  for (const o of leaveOneOut) chartOf(o).leaveOneOut.push(o);
  for (const chart of charts.values()) {
    chart.unmonitored.sort(byTime);
    chart.leaveOneOut.sort(byTime);
  }
  return [...charts.values()].sort((a, b) => compareText(a.monitored.annotator, b.monitored.annotator) || compareText(a.monitored.structure, b.monitored.structure) || compareText(a.monitored.modality, b.monitored.modality));
}

function irrMatrices(cases: readonly CaseObservations[]): IrrMatrix[] {
  const pairs = cases.flatMap((c) => c.pairs.map((pair) => ({ ...pair, modality: c.modality })));
  return [...groupBy(pairs, (p) => JSON.stringify([p.structure, p.modality])).values()]
    .map((group) => {
      const annotators = [...new Set(group.flatMap((p) => p.annotators))].sort(compareText);
      const sums = annotators.map(() => annotators.map(() => ({ total: 0, n: 0 })));
      for (const { annotators: [a, b], dice } of group) {
        const [i, j] = [annotators.indexOf(a), annotators.indexOf(b)];
        for (const [x, y] of [[i, j], [j, i]]) {
          sums[x][y].total += dice;
          sums[x][y].n += 1;
        }
      }
      const matrix = pairwiseMatrix(annotators, (i, j) => (sums[i][j].n === 0 ? null : sums[i][j].total / sums[i][j].n), { diagonal: null });
      return { structure: group[0].structure, modality: group[0].modality, annotators, meanDice: matrix.values, cases: sums.map((row, i) => row.map((cell, j) => (i === j ? 0 : cell.n))) };
    })
    // By modality; within one, structures in the order the cases first have them (the SOP's order when it applies).
    .sort((a, b) => compareText(a.modality, b.modality));
}

function lesionLabels(cases: readonly CaseObservations[], options: CaseLabelOptions): LesionLabelAgreement[] {
  const counts = cases.flatMap((c) => c.lesionCounts.map((count) => ({ ...count, caseId: c.caseId, modality: c.modality })));
  return [...groupBy(counts, (c) => JSON.stringify([c.structure, c.modality])).values()]
    .sort((a, b) => compareText(a[0].modality, b[0].modality))
    .flatMap((group) => {
      const pairable = [...groupBy(group, (c) => c.caseId).values()].some((labelled) => labelled.length >= 2);
      const present: CaseLabel[] = group.map(({ caseId, annotator, count }) => ({ caseId, annotator, label: count > 0 ? 'yes' : 'no' }));
      const counted: CaseLabel[] = group.map(({ caseId, annotator, count }) => ({ caseId, annotator, label: count }));
      const { structure, modality } = group[0];
      return [
        { kind: 'lesion-present' as const, structure, modality, labels: present, agreement: pairable ? caseLabelAgreement(present, { categories: ['no', 'yes'], ...options }) : null },
        { kind: 'lesion-count' as const, structure, modality, labels: counted, agreement: pairable ? caseLabelAgreement(counted, options) : null },
      ];
    });
}

/** A case measured against a gold reference: a calibration case. */
const isCalibration = (c: CaseObservations): boolean => c.structures.some((structure) => structure.reference === 'gold');

export function programmeReliability(cases: readonly CaseObservations[], calibrationCases: readonly CalibrationCase[], options: ReliabilityOptions = {}): ProgrammeReliability {
  const observations = cases.flatMap((c) => c.agreement);
  const programmeCases = cases.filter((c) => !isCalibration(c));
  // Validated (dates, one point per case and series) as the series are; the marked points kept apart.
  const peer = agreementSeries(observations, { references: ['peer'] }).flatMap((s) => s.observations);
  const marked = agreementSeries(observations, { references: DRIFT_REFERENCES, includeUnmonitored: true }).flatMap((s) => s.observations.filter((o) => o.unmonitored !== undefined));
  const leaveOneOut = cases.flatMap((c) => c.leaveOneOut ?? []);
  const series = chartSeries(agreementSeries(observations, { references: DRIFT_REFERENCES }), [...peer, ...marked], leaveOneOut);
  const states = driftState(series.map((s) => s.monitored), { ...options.drift, calibrationCases });
  const drift = series.map(({ monitored, unmonitored, leaveOneOut: loo }, i) => {
    const references: Partial<Record<AgreementReference, number>> = {};
    for (const observation of monitored.observations) references[observation.reference] = (references[observation.reference] ?? 0) + 1;
    return { series: monitored, state: states[i], references, unmonitored, leaveOneOut: loo };
  });
  return {
    drift,
    irr: irrMatrices(programmeCases),
    lesionLabels: lesionLabels(programmeCases, options.labels ?? {}),
    calibration: calibrationScores(cases.flatMap((c) => c.calibration), options.calibration),
  };
}
