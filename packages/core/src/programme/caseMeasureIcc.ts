import { icc, type IntraclassCorrelation } from '../stats/icc';
import { ProgrammeInputError } from './ProgrammeInputError';

/** An annotator's continuous measure of a case, e.g. the volume of a structure in mL. */
export interface CaseMeasure {
  caseId: string;
  annotator: string;
  value: number;
}

export interface CaseMeasureIcc extends IntraclassCorrelation {
  /** Sorted; the columns of `data`. */
  annotators: string[];
  /** The cases every annotator measured, sorted; the rows of `data`. */
  cases: string[];
  /** Cases left out because some annotator did not measure them. */
  droppedCases: string[];
  /** data[case][annotator], as icc took it. */
  data: number[][];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The intraclass correlations (ICC(1,1), ICC(2,1), ICC(3,1) with F-based intervals, see stats/icc)
 * of a per-case measure across annotators. ICC(2,1), absolute agreement, is the one for volumes: a
 * rater who measures everything 10 % larger disagrees. The ANOVA needs complete data, so only the
 * cases every annotator measured are used (the others are listed); at least 2 such cases and 2
 * annotators.
 */
export function caseMeasureIcc(measures: readonly CaseMeasure[], options: { confidence?: number } = {}): CaseMeasureIcc {
  if (!Array.isArray(measures)) throw new ProgrammeInputError('measures', 'must be an array');
  const byCase = new Map<string, Map<string, number>>();
  measures.forEach((measure, at) => {
    for (const field of ['caseId', 'annotator'] as const) {
      if (typeof measure?.[field] !== 'string' || measure[field] === '') throw new ProgrammeInputError(`measures[${at}].${field}`, 'must be a non-empty string');
    }
    if (typeof measure.value !== 'number' || !Number.isFinite(measure.value)) throw new ProgrammeInputError(`measures[${at}].value`, `must be a finite number, got ${String(measure.value)}`);
    let values = byCase.get(measure.caseId);
    if (!values) byCase.set(measure.caseId, (values = new Map()));
    if (values.has(measure.annotator)) throw new ProgrammeInputError(`measures[${at}]`, `${measure.annotator} already measured case ${JSON.stringify(measure.caseId)}`);
    values.set(measure.annotator, measure.value);
  });
  const annotators = [...new Set(measures.map((m) => m.annotator))].sort(compareText);
  if (annotators.length < 2) throw new ProgrammeInputError('measures', `needs at least 2 annotators, got ${annotators.length}`);
  const allCases = [...byCase.keys()].sort(compareText);
  const cases = allCases.filter((c) => byCase.get(c)!.size === annotators.length);
  if (cases.length < 2) throw new ProgrammeInputError('measures', `needs at least 2 cases measured by every annotator, got ${cases.length}`);
  const data = cases.map((c) => annotators.map((a) => byCase.get(c)!.get(a)!));
  return { ...icc(data, options), annotators, cases, droppedCases: allCases.filter((c) => !cases.includes(c)), data };
}
