// Programme-level QC on the demo cohort's 8 CT cases (one a week, read by Rivera, Chen and Okafor):
// drift charts of lung Dice against a reference, case-level label agreement and the ICC of volumes,
// each checked against what the generator was told to do or against a computation made here.
//
// Reference: ct-01..ct-07 carry a signed adjudication whose reference SEG is the phantom's truth;
// ct-08 is still open, so it has no reference standard and (as programmeReliability does) is not
// charted. The truth does not move with the annotators, so Okafor's Dice deficit grows with his own
// boundary offset alone, and Rivera and Chen, whose offsets are constant, stay within their limits.
// The charts are driftState's (issue 14): one-sided, σ floored at m / L with the CT lung SOP's
// meaningful Dice change. And the user's ct-08 signed "accept Rivera": it must not alarm Rivera or Chen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNOTATORS, PROGRAMME_DAYS, PROGRAMME_START, demoCohort, demoManifest, type AnnotatorKey, type DemoManifest } from '@segqc/demo-data';
import { demoCaseMasks } from '../../../../tests/harness/demoCaseMasks';
import { dice } from '../metrics/dice';
import { maskVolumeMl } from '../metrics/volume';
import { agreementSeries, type AgreementObservation, type AgreementSeries } from './agreementSeries';
import { caseLabelAgreement, type CaseLabel, type CaseLabelAgreement } from './caseLabels';
import { caseMeasureIcc, type CaseMeasure } from './caseMeasureIcc';
import { driftState, diceSigmaFloor, type DriftState } from './driftState';
import { EWMA_DEFAULTS, ewmaChart } from './ewmaChart';
import { loadSop } from '../sop/loadSop';
import { meaningfulDiceChangesOf } from '../programmeObservations/meaningfulDiceChanges';
import { caseObservations } from '../programmeObservations/caseObservations';
import { CODES, segment, segmentation } from '../review/review.fixture';

const READERS: AnnotatorKey[] = ['rivera', 'chen', 'okafor'];
const LUNGS = ['Right lung', 'Left lung'];
const cohort = demoCohort();
const ctCases = cohort.filter((c) => c.kind === 'ct');
const calibrationCases = cohort.filter((c) => c.kind === 'ct-calibration').map((c) => ({ caseId: c.caseId, modality: 'CT' }));

const SOP_DIR = join(__dirname, '../../../../platform-config/sops');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(SOP_DIR, file), 'utf8'));
/** The CT lung-nodule SOP's drift rule: m = 0.02 for each lung. */
const MEANINGFUL = meaningfulDiceChangesOf([loadSop(readJson('ct-lung-nodule.json'), readJson('sop.schema.json') as object)]);

const isoDate = (da: string): string => `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`;
const daysBetween = (from: string, to: string): number => (Date.parse(isoDate(to)) - Date.parse(isoDate(from))) / 86_400_000;
const segOf = (caseId: string, reader: string) => ctCases.find((c) => c.caseId === caseId)!.segs.find((s) => s.annotator.key === reader)!;
const weekOf = (caseId: string): number => ctCases.find((c) => c.caseId === caseId)!.week;

const observations: AgreementObservation[] = [];
const rightLungVolumes: CaseMeasure[] = [];
let series: AgreementSeries[] = [];
let states: DriftState[] = [];
// With ct-08 signed "accept Rivera" for every structure (the user's case): its observations, and the states then.
let acceptedRivera: AgreementObservation[] = [];
let statesAcceptingRivera: DriftState[] = [];
const stateOf = (reader: string, structure: string): DriftState => states.find((s) => s.annotator === reader && s.structure === structure)!;
const seriesOf = (reader: string, structure: string): AgreementSeries => series.find((s) => s.annotator === reader && s.structure === structure)!;

const adjudicatedCases: string[] = [];

beforeAll(() => {
  for (const plan of ctCases) {
    const masks = demoCaseMasks(plan.caseId);
    if (masks.adjudicated) adjudicatedCases.push(plan.caseId);
    for (const structure of LUNGS) {
      const annotations = READERS.map((reader) => masks.maskOf(reader, structure));
      const reference = masks.adjudicated?.segments.find((segment) => segment.label === structure)?.mask;
      annotations.forEach((mask, r) => {
        if (structure === 'Right lung') rightLungVolumes.push({ caseId: plan.caseId, annotator: READERS[r], value: maskVolumeMl(mask) });
        if (!reference) return;
        const date = isoDate(segOf(plan.caseId, READERS[r]).ContentDate);
        observations.push({ caseId: plan.caseId, date, annotator: READERS[r], structure, modality: 'CT', dice: dice(mask, reference), reference: 'adjudicated' });
      });
    }
  }
  series = agreementSeries(observations);
  states = driftState(series, { calibrationCases, meaningfulDiceChange: MEANINGFUL });

  const open = demoCaseMasks('ct-08');
  const grid = open.maskOf('rivera', 'Right lung').grid;
  const lungsOf = (reader: string) => segmentation(grid, [segment(1, 'Right lung', open.maskOf(reader, 'Right lung'), CODES.rightLung), segment(2, 'Left lung', open.maskOf(reader, 'Left lung'), CODES.leftLung)]);
  acceptedRivera = caseObservations({
    caseId: 'ct-08',
    modality: 'CT',
    annotations: READERS.map((reader) => ({ annotator: reader, date: isoDate(segOf('ct-08', reader).ContentDate), segmentation: lungsOf(reader) })),
    reference: { kind: 'adjudicated', segmentation: lungsOf('rivera'), origins: { 1: { kind: 'accepted', annotator: 'rivera' }, 2: { kind: 'accepted', annotator: 'rivera' } } },
  }).agreement;
  statesAcceptingRivera = driftState(agreementSeries([...observations, ...acceptedRivera]), { calibrationCases, meaningfulDiceChange: MEANINGFUL });
}, 120_000);

/**
 * An annotator's boundary offset (voxels, > 0 outwards) on the day of the SEG, as the generator draws
 * it (demo-data generate/annotatorBehaviour.ts): bias + drift × the share of the programme elapsed.
 */
function boundaryOffset(reader: AnnotatorKey, contentDate: string): number {
  const { biasVoxels, driftVoxels } = ANNOTATORS[reader];
  return biasVoxels + driftVoxels * Math.min(1, Math.max(0, daysBetween(PROGRAMME_START, contentDate) / PROGRAMME_DAYS));
}

/** Γ at an integer or half-integer > 0, by Γ(x) = (x − 1) Γ(x − 1) from Γ(1) = 1 and Γ(1/2) = √π. */
const gamma = (x: number): number => (x === 1 ? 1 : x === 0.5 ? Math.sqrt(Math.PI) : (x - 1) * gamma(x - 1));

/**
 * The chart's rule, written out again: the first `n` values give the centre (mean) and σ = s / c4(n);
 * from the next value z_i = λ x_i + (1 − λ) z_{i−1}, z_0 = centre, alarms beyond centre ± L σ √(λ/(2 − λ)(1 − (1 − λ)^{2i})).
 */
function firstAlarmIndex(values: number[], { lambda, limitWidth, baselinePoints: n }: typeof EWMA_DEFAULTS): number | null {
  const baseline = values.slice(0, n);
  const centre = baseline.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(baseline.reduce((a, x) => a + (x - centre) ** 2, 0) / (n - 1));
  const sigma = s / (Math.sqrt(2 / (n - 1)) * (gamma(n / 2) / gamma((n - 1) / 2)));
  let z = centre;
  for (let index = n; index < values.length; index++) {
    const i = index - n + 1;
    z = lambda * values[index] + (1 - lambda) * z;
    if (Math.abs(z - centre) > limitWidth * sigma * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * i)))) return index;
  }
  return null;
}

describe('drift of lung Dice against the adjudicated reference, EWMA with the default chart', () => {
  const adjudicated = (): typeof ctCases => ctCases.filter((c) => adjudicatedCases.includes(c.caseId));
  /**
   * The week the schedule predicts. The reference is the truth (offset 0), so Okafor's Dice deficit is
   * proportional (through the lung's surface-to-volume ratio) to his boundary's offset. The chart
   * standardises by its own baseline, so the proportionality constant cancels: charting −|offset|
   * week by week with the chart's rule gives the week of the first alarm. (The model leaves out the
   * boundary noise and the lungs' differing sizes.)
   */
  const expectedIndex = (): number | null => firstAlarmIndex(adjudicated().map((plan) => -Math.abs(boundaryOffset('okafor', segOf(plan.caseId, 'okafor').ContentDate))), EWMA_DEFAULTS);

  it('every case but the open ct-08 has an adjudicated reference', () => {
    expect(ctCases.filter((c) => !adjudicatedCases.includes(c.caseId)).map((c) => c.caseId)).toEqual(['ct-08']);
  });

  it('the schedule predicts an alarm after the baseline weeks', () => {
    expect(expectedIndex()).not.toBeNull();
    expect(expectedIndex()!).toBeGreaterThanOrEqual(EWMA_DEFAULTS.baselinePoints);
  });

  it.each(LUNGS)('Okafor’s %s chart first alarms, below, in the week the drift schedule predicts, and stays in alarm', (structure) => {
    const okafor = stateOf('okafor', structure);
    // His baseline varies more than the floor (0.02 / 3), so σ is the baseline's and the prediction,
    // which standardises by the baseline alone, holds as it did before the floor.
    expect(okafor.meaningfulDiceChange).toBe(0.02);
    expect([okafor.chart.sigmaFloored, okafor.chart.baselineSigma! > diceSigmaFloor(0.02)]).toEqual([false, true]);
    const { observations: weekly } = seriesOf('okafor', structure);
    expect(weekly.map((o) => weekOf(o.caseId))).toEqual(adjudicated().map((c) => c.week));
    const first = okafor.chart.firstAlarmIndex;
    expect(first).not.toBeNull();
    expect(weekOf(weekly[first!].caseId)).toBe(adjudicated()[expectedIndex()!].week);
    expect(okafor.chart.alarms.every((a) => a.side === 'below')).toBe(true);
    expect(okafor.recalibrationDue).toBe(true);
    expect(okafor.dueSince?.index).toBe(first);
    expect(okafor.calibrationCasesToRedo).toEqual(['ct-cal']);
  });

  it.each(READERS.filter((r) => r !== 'okafor').flatMap((reader) => LUNGS.map((structure) => [reader, structure])))('%s’s %s chart raises no alarm', (reader, structure) => {
    const state = stateOf(reader, structure);
    expect(state.chart.baselineComplete).toBe(true);
    expect(state.chart.alarms).toEqual([]);
    expect(state.recalibrationDue).toBe(false);
    expect(state.calibrationCasesToRedo).toEqual([]);
    // Their near-constant baselines are what the floor is for.
    expect([state.chart.sigmaFloored, state.chart.sigma]).toEqual([true, diceSigmaFloor(0.02)]);
  });
});

describe('ct-08 signed "accept Rivera" for every structure (the user’s report, issue 14)', () => {
  const after = (reader: string, structure: string) => statesAcceptingRivera.find((s) => s.annotator === reader && s.structure === structure)!;

  it('Rivera’s points, Dice 1 against her own mask, are marked and left out of her charts', () => {
    const rivera = acceptedRivera.filter((o) => o.annotator === 'rivera');
    expect(rivera.map((o) => [o.structure, o.dice, o.unmonitored])).toEqual(LUNGS.map((structure) => [structure, 1, 'reference-from-annotator']));
    for (const structure of LUNGS) {
      expect(after('rivera', structure).chart.points).toHaveLength(seriesOf('rivera', structure).values.length);
      expect(after('rivera', structure).alarm).toBe(false);
    }
  });

  it.each(LUNGS)('Chen’s %s point against Rivera’s mask is monitored and raises no alarm', (structure) => {
    const chen = acceptedRivera.find((o) => o.annotator === 'chen' && o.structure === structure)!;
    expect(chen.unmonitored).toBeUndefined();
    const state = after('chen', structure);
    expect(state.chart.points[state.chart.points.length - 1].value).toBe(chen.dice);
    expect([state.alarm, state.recalibrationDue]).toEqual([false, false]);
    // Against the baseline's own σ, without the floor, this was the user's false alarm.
    const values = state.chart.points.map((p) => p.value);
    expect(ewmaChart(values, { alarmSide: 'below' }).alarms.length).toBeGreaterThan(0);
  });

  it.each(LUNGS)('Okafor’s %s chart is still in alarm', (structure) => {
    expect(after('okafor', structure).recalibrationDue).toBe(true);
  });
});

describe('case-level agreement on the demo cohort', () => {
  let manifest: DemoManifest;
  let findings: CaseLabel[];
  let agreement: CaseLabelAgreement;
  beforeAll(() => {
    manifest = demoManifest({ cases: ctCases.map((c) => c.caseId) });
    // "Nodule findings complete": every true nodule segmented and none added, from the generator's detection record.
    findings = manifest.cases.flatMap((c) =>
      c.segs.map((seg) => ({ caseId: c.caseId, annotator: seg.annotator.key, label: seg.detection.missed.length === 0 && seg.detection.falsePositives === 0 ? 'complete' : 'incomplete' })),
    );
    agreement = caseLabelAgreement(findings, { categories: ['complete', 'incomplete'] });
  }, 60_000);
  const labelOf = (caseId: string, reader: string): string => findings.find((l) => l.caseId === caseId && l.annotator === reader)!.label as string;

  it('Cohen’s κ of Rivera and Chen equals κ from their 2 × 2 table', () => {
    const table = [[0, 0], [0, 0]];
    const row = (label: string): number => (label === 'complete' ? 0 : 1);
    for (const c of manifest.cases) table[row(labelOf(c.caseId, 'rivera'))][row(labelOf(c.caseId, 'chen'))]++;
    const n = manifest.cases.length;
    const observed = (table[0][0] + table[1][1]) / n;
    const expected = ((table[0][0] + table[0][1]) * (table[0][0] + table[1][0]) + (table[1][0] + table[1][1]) * (table[0][1] + table[1][1])) / n ** 2;
    const byHand = (observed - expected) / (1 - expected);
    // Chen misses a nodule in 3 cases and Rivera adds one in another: the table is not degenerate.
    expect(table[0][1] + table[1][0]).toBeGreaterThan(0);
    const pair = agreement.cohen.find((p) => p.annotators.join() === 'chen,rivera')!;
    expect(pair.cases).toHaveLength(n);
    expect(pair.kappa!.kappa).toBeCloseTo(byHand, 12);
    expect(pair.kappa!.interval).not.toBeNull();
  });

  it('Fleiss’ κ and Krippendorff’s α of the three equal the formulas applied to the counts', () => {
    // counts per case of 'complete' among 3 readers → P_i = (c² + (3 − c)² − 3) / 6; p = share of 'complete'.
    const complete = manifest.cases.map((c) => READERS.filter((r) => labelOf(c.caseId, r) === 'complete').length);
    const meanAgreement = complete.reduce((a, c) => a + (c * c + (3 - c) ** 2 - 3) / 6, 0) / complete.length;
    const p = complete.reduce((a, c) => a + c, 0) / (3 * complete.length);
    const chance = p * p + (1 - p) ** 2;
    expect(agreement.fleiss!.kappa.kappa).toBeCloseTo((meanAgreement - chance) / (1 - chance), 12);
    // Complete data, nominal: α = 1 − (N − 1) Σ_u (pairs disagreeing in u / (m − 1)) / (2 n_complete n_incomplete), N = 3 · cases.
    const values = 3 * complete.length;
    const disagreeing = complete.reduce((a, c) => a + (2 * c * (3 - c)) / 2, 0);
    const completeTotal = complete.reduce((a, c) => a + c, 0);
    expect(agreement.krippendorff!.alpha).toBeCloseTo(1 - ((values - 1) * disagreeing) / (2 * completeTotal * (values - completeTotal)), 12);
    expect(agreement.krippendorff!.bootstrap).toBeTruthy();
  });

  it('"any nodule detected" is yes for every case and reader: κ is undefined (null), not 0 or 1', () => {
    const any: CaseLabel[] = manifest.cases.flatMap((c) => c.segs.map((seg) => ({ caseId: c.caseId, annotator: seg.annotator.key, label: seg.detection.detected.length > 0 ? 'yes' : 'no' })));
    const result = caseLabelAgreement(any, { bootstrap: false });
    expect(result.categories).toEqual(['yes']);
    expect(result.cohen.every((p) => p.kappa!.kappa === null)).toBe(true);
  });

  it('ICC(2,1) of right-lung volumes equals the one from the two-way ANOVA mean squares', () => {
    const result = caseMeasureIcc(rightLungVolumes);
    const data = ctCases.map((c) => READERS.map((r) => rightLungVolumes.find((v) => v.caseId === c.caseId && v.annotator === r)!.value));
    const n = data.length;
    const k = READERS.length;
    // Sums of squares from raw sums (the library works from deviations): SST = Σx² − G²/N, and so on.
    const total = data.flat().reduce((a, x) => a + x, 0);
    const correction = total ** 2 / (n * k);
    const sst = data.flat().reduce((a, x) => a + x * x, 0) - correction;
    const ssr = data.reduce((a, row) => a + row.reduce((s, x) => s + x, 0) ** 2, 0) / k - correction;
    const ssc = READERS.reduce((a, _, j) => a + data.reduce((s, row) => s + row[j], 0) ** 2, 0) / n - correction;
    const msr = ssr / (n - 1);
    const msc = ssc / (k - 1);
    const mse = (sst - ssr - ssc) / ((n - 1) * (k - 1));
    const byHand = (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n);
    expect(result.cases).toHaveLength(8);
    expect(result.icc2.value).toBeCloseTo(byHand, 8);
    expect(result.icc2.interval!.lower).toBeLessThan(byHand);
  });
});
