import { isoInstant } from './isoInstant';
import { ProgrammeInputError } from './ProgrammeInputError';

/**
 * What an annotation was compared with: the adjudicated reference standard of the case, the gold
 * reference of a calibration case, or another annotator (peer agreement, no reference).
 */
export type AgreementReference = 'adjudicated' | 'gold' | 'peer';
export const AGREEMENT_REFERENCES: readonly AgreementReference[] = Object.freeze(['adjudicated', 'gold', 'peer']);

/** One annotator's agreement on one structure of one case. */
export interface AgreementObservation {
  caseId: string;
  /** When the annotation was made (ISO 8601 date or date-time; see isoInstant for times without an offset). */
  date: string;
  annotator: string;
  structure: string;
  modality: string;
  dice: number;
  reference: AgreementReference;
  /**
   * Set when the point has a reference standard but must not judge the annotator (drawn, not
   * monitored; agreementSeries leaves it out of the series): see UnmonitoredReason.
   */
  unmonitored?: UnmonitoredReason;
}

/**
 * Why a point measured against a reference standard is drawn but not monitored:
 * - `reference-from-annotator`: the reference of this structure on this case was taken from this
 *   annotator's mask (the adjudication accepted it, the adjudicator edited it from it, or the
 *   reference is that mask voxel for voxel): "reference taken from this annotator";
 * - `reference-made-with-annotator`: the reference is a consensus of the annotations (majority vote,
 *   STAPLE, or an agreed structure's), this annotator's vote included.
 */
export type UnmonitoredReason = 'reference-from-annotator' | 'reference-made-with-annotator';
export const UNMONITORED_REASONS: readonly UnmonitoredReason[] = Object.freeze(['reference-from-annotator', 'reference-made-with-annotator']);
/** The reasons in words, for a chart's legend and tooltips. */
export const UNMONITORED_REASON_TEXT: Readonly<Record<UnmonitoredReason, string>> = Object.freeze({
  'reference-from-annotator': 'reference taken from this annotator',
  'reference-made-with-annotator': 'reference is a consensus this annotator voted in',
});

/** An annotator's agreement on one structure in one modality, oldest first. */
export interface AgreementSeries {
  annotator: string;
  structure: string;
  modality: string;
  observations: AgreementObservation[];
  /** The Dice values in time order, as a control chart takes them. */
  values: number[];
}

export interface AgreementSeriesOptions {
  /**
   * The references whose observations make up the series; default adjudicated and gold (agreement
   * with a reference standard). Add 'peer' only for a programme without references: peer agreement
   * and agreement with a reference are different quantities and should not share one chart.
   */
  references?: readonly AgreementReference[];
  /** Keep the observations marked `unmonitored` too; default false (they must not judge the annotator). */
  includeUnmonitored?: boolean;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkText(value: unknown, argument: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new ProgrammeInputError(argument, `must be a non-empty string, got ${JSON.stringify(value)}`);
}

/**
 * Groups observations into one series per annotator × structure × modality, each in time order (ties
 * broken by case id), series sorted by annotator, structure and modality. A case gives at most one
 * point per series: the points marked `unmonitored` are left out unless options.includeUnmonitored; two observations of one case in one series (among the references kept) are an
 * error, since the chart would count that case twice.
 */
export function agreementSeries(observations: readonly AgreementObservation[], options: AgreementSeriesOptions = {}): AgreementSeries[] {
  if (!Array.isArray(observations)) throw new ProgrammeInputError('observations', 'must be an array');
  const references = options.references ?? ['adjudicated', 'gold'];
  references.forEach((reference, i) => {
    if (!AGREEMENT_REFERENCES.includes(reference)) throw new ProgrammeInputError(`options.references[${i}]`, `must be one of ${AGREEMENT_REFERENCES.join(', ')}, got ${JSON.stringify(reference)}`);
  });

  const groups = new Map<string, { series: AgreementSeries; timed: { time: number; observation: AgreementObservation }[] }>();
  const seenCase = new Map<string, number>();
  observations.forEach((observation, at) => {
    const path = `observations[${at}]`;
    if (typeof observation !== 'object' || observation === null) throw new ProgrammeInputError(path, 'must be an object');
    const { caseId, date, annotator, structure, modality, dice, reference } = observation;
    checkText(caseId, `${path}.caseId`);
    checkText(annotator, `${path}.annotator`);
    checkText(structure, `${path}.structure`);
    checkText(modality, `${path}.modality`);
    const time = isoInstant(date, `${path}.date`);
    if (typeof dice !== 'number' || !(dice >= 0 && dice <= 1)) throw new ProgrammeInputError(`${path}.dice`, `must be a number in [0, 1], got ${String(dice)}`);
    if (!AGREEMENT_REFERENCES.includes(reference)) throw new ProgrammeInputError(`${path}.reference`, `must be one of ${AGREEMENT_REFERENCES.join(', ')}, got ${JSON.stringify(reference)}`);
    const { unmonitored } = observation;
    if (unmonitored !== undefined && !UNMONITORED_REASONS.includes(unmonitored)) throw new ProgrammeInputError(`${path}.unmonitored`, `must be one of ${UNMONITORED_REASONS.join(', ')}, got ${JSON.stringify(unmonitored)}`);
    if (!references.includes(reference) || (unmonitored !== undefined && !options.includeUnmonitored)) return;

    const key = JSON.stringify([annotator, structure, modality]);
    const caseKey = JSON.stringify([annotator, structure, modality, caseId]);
    const earlier = seenCase.get(caseKey);
    if (earlier !== undefined) {
      throw new ProgrammeInputError(path, `case ${JSON.stringify(caseId)} is already in the series of ${annotator} / ${structure} / ${modality} (observations[${earlier}])`);
    }
    seenCase.set(caseKey, at);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { series: { annotator, structure, modality, observations: [], values: [] }, timed: [] }));
    group.timed.push({ time, observation });
  });

  return [...groups.values()]
    .map(({ series, timed }) => {
      timed.sort((a, b) => a.time - b.time || compareText(a.observation.caseId, b.observation.caseId));
      const ordered = timed.map((t) => t.observation);
      return { ...series, observations: ordered, values: ordered.map((o) => o.dice) };
    })
    .sort((a, b) => compareText(a.annotator, b.annotator) || compareText(a.structure, b.structure) || compareText(a.modality, b.modality));
}
