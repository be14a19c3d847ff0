// Issue 14, "drift that does not cry wolf": the rules that keep a drift chart from accusing an
// annotator of what the reference or a too-narrow baseline did, each on numbers worked out here.
//
// The user's case: ct-08 signed with "accept Rivera" for every structure made Rivera's Dice 1.000
// (an "alarm above") and Chen "recalibration due" on the right lung at 0.972, because the baseline σ
// of that chart was 0.0007. Here: Rivera's point is not monitored (the reference is her mask), no Dice
// above the centre alarms, and σ is floored at m / L = 0.02 / 3 for the lungs.
import { box, CODES, grid, segment, segmentation } from '../review/review.fixture';
import type { BitMask } from '../volume/BitMask';
import { caseObservations, type CaseObservations, type ObservedAnnotation, type ReferenceOrigin } from '../programmeObservations/caseObservations';
import { programmeReliability } from '../programmeObservations/programmeReliability';
import { referenceOriginsOf } from '../programmeObservations/observeCaseFromPacs';
import type { CaseInventory } from '../inventory/InventoryModel';
import { agreementSeries, type AgreementObservation } from './agreementSeries';
import { DEFAULT_MEANINGFUL_DICE_CHANGE, diceSigmaFloor, driftState, MINIMUM_BASELINE_POINTS } from './driftState';
import { ewmaChart } from './ewmaChart';

const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);

// Near-constant baselines, as on the demo's right lung.
const RIVERA = [0.9852, 0.9852, 0.9861, 0.9854];
const CHEN = [0.9814, 0.9814, 0.9814, 0.9827];
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function observationsOf(annotator: string, values: number[], structure = 'Right lung'): AgreementObservation[] {
  return values.map((dice, k) => ({ caseId: `c${k + 1}`, date: week(k), annotator, structure, modality: 'CT', dice, reference: 'adjudicated' }));
}

/** A case observed as caseObservations would give it: only its agreement matters to the charts. */
function caseOf(k: number, agreement: AgreementObservation[]): CaseObservations {
  return { caseId: `c${k + 1}`, modality: 'CT', structures: [], agreement, pairs: [], lesionCounts: [], calibration: [] };
}

describe('the floor of σ: max(σ_baseline, m / L)', () => {
  it('is m / L = 0.02 / 3 for a lung, so a near-constant baseline gets limits no narrower than m for one value', () => {
    const [chen] = driftState(agreementSeries(observationsOf('chen', CHEN)), { meaningfulDiceChange: { 'Right lung': 0.02 } });
    expect(chen.chart.baselineSigma).toBeLessThan(0.001);
    expect([chen.chart.sigma, chen.chart.sigmaFloor, chen.chart.sigmaFloored, chen.meaningfulDiceChange]).toEqual([0.02 / 3, 0.02 / 3, true, 0.02]);
    expect(diceSigmaFloor(0.02)).toBe(0.02 / 3);
  });

  it('leaves a wider baseline σ as it is', () => {
    // 0.91, 0.89, …: s = √(0.0004 / 3), σ = s / c4(4) = 0.012533 > 0.02 / 3.
    const [state] = driftState(agreementSeries(observationsOf('x', [0.91, 0.89, 0.91, 0.89])));
    expect(state.chart.sigma).toBeCloseTo(0.012533, 6);
    expect([state.chart.sigmaFloored, state.meaningfulDiceChange]).toEqual([false, DEFAULT_MEANINGFUL_DICE_CHANGE]);
  });

  it('gives limits to a baseline without any variation (σ would be undefined)', () => {
    const [state] = driftState(agreementSeries(observationsOf('x', [0.98, 0.98, 0.98, 0.98, 0.97])));
    expect([state.chart.baselineSigma, state.chart.sigma]).toEqual([null, 0.02 / 3]);
    // One value 0.01 below: z = 0.978, limit 0.98 − 0.6 σ = 0.976.
    expect(state.chart.points[4]).toMatchObject({ ewma: expect.closeTo(0.978, 12), lower: expect.closeTo(0.976, 12), alarm: null });
  });

  it('takes m by structure from the SOP map (as written, else case- and punctuation-insensitively), the default otherwise', () => {
    const series = agreementSeries([...observationsOf('x', CHEN, 'lung_NODULE'), ...observationsOf('x', CHEN, 'Liver')]);
    const states = driftState(series, { meaningfulDiceChange: { 'Lung nodule': 0.05 } });
    expect(states.map((s) => [s.structure, s.meaningfulDiceChange, s.chart.sigma])).toEqual([
      ['Liver', 0.02, 0.02 / 3],
      ['lung_NODULE', 0.05, 0.05 / 3],
    ]);
    expect(driftState(series, { defaultMeaningfulDiceChange: 0.03 })[0].chart.sigma).toBe(0.01);
  });

  it('has no Dice floor on a distance series (worse above)', () => {
    const [state] = driftState(agreementSeries(observationsOf('x', CHEN)), { worseSide: 'above' });
    expect([state.meaningfulDiceChange, state.chart.sigmaFloor, state.chart.sigmaFloored]).toEqual([null, null, false]);
  });

  it(`needs at least ${MINIMUM_BASELINE_POINTS} baseline points before any alarm`, () => {
    expect(MINIMUM_BASELINE_POINTS).toBe(4);
    expect(() => driftState([], { baselinePoints: 3 })).toThrow(expect.objectContaining({ argument: 'options.baselinePoints' }));
    // Three values and a fall of 0.1: still baseline, nothing alarms.
    const [state] = driftState(agreementSeries(observationsOf('x', [0.98, 0.98, 0.88])));
    expect([state.chart.baselineComplete, state.alarm, state.recalibrationDue]).toEqual([false, false, false]);
    // With centre and σ known the chart may start at once.
    expect(driftState(agreementSeries(observationsOf('x', [0.9])), { baselinePoints: 0, centre: 0.98, sigma: 0.01 })[0].chart.baselineComplete).toBe(true);
  });
});

describe('one-sided: only a fall in Dice alarms', () => {
  it('never alarms on Dice above the centre line, however far', () => {
    const [state] = driftState(agreementSeries(observationsOf('chen', [...CHEN, 1, 1, 1, 1, 1])));
    // From the second 1 on the EWMA is beyond the upper limit (z − c = 0.36 · 0.018275 > 3 σ √(0.2/1.8 · (1 − 0.8⁴)) = 0.005122).
    expect(state.chart.points.slice(5).every((p) => p.phase === 'monitoring' && p.ewma > p.upper! && p.alarm === null)).toBe(true);
    expect([state.chart.alarms, state.alarm, state.latestAlarm, state.recalibrationDue]).toEqual([[], false, null, false]);
    // The same values on a two-sided chart alarm above.
    expect(ewmaChart([...CHEN, 1, 1, 1, 1, 1], { sigmaFloor: 0.02 / 3 }).alarms.map((a) => [a.index, a.side])).toEqual([[5, 'above'], [6, 'above'], [7, 'above'], [8, 'above']]);
  });

  it('rejects an unknown alarm side', () => {
    expect(() => ewmaChart([1, 2], { alarmSide: 'left' as never })).toThrow(expect.objectContaining({ argument: 'options.alarmSide' }));
    expect(() => ewmaChart([1, 2], { sigmaFloor: -1 })).toThrow(expect.objectContaining({ argument: 'options.sigmaFloor' }));
  });
});

describe('the user’s ct-08: the reference accepted from Rivera', () => {
  // Case 5 signed with "accept Rivera": her Dice against her own mask is 1, Chen's 0.972.
  const reliability = programmeReliability([
    ...RIVERA.map((_, k) => caseOf(k, [...observationsOf('rivera', RIVERA), ...observationsOf('chen', CHEN)].filter((o) => o.caseId === `c${k + 1}`))),
    caseOf(4, [
      { caseId: 'c5', date: week(4), annotator: 'rivera', structure: 'Right lung', modality: 'CT', dice: 1, reference: 'adjudicated', unmonitored: 'reference-from-annotator' },
      { caseId: 'c5', date: week(4), annotator: 'chen', structure: 'Right lung', modality: 'CT', dice: 0.972, reference: 'adjudicated' },
    ]),
  ], [], { drift: { meaningfulDiceChange: { 'Right lung': 0.02 } } });
  const chartOf = (annotator: string) => reliability.drift.find((d) => d.series.annotator === annotator)!;

  it('does not monitor Rivera’s point: drawn beside her chart, marked "reference taken from this annotator"', () => {
    const rivera = chartOf('rivera');
    expect(rivera.series.values).toEqual(RIVERA);
    expect(rivera.unmonitored.map((o) => [o.caseId, o.dice, o.reference, o.unmonitored])).toEqual([['c5', 1, 'adjudicated', 'reference-from-annotator']]);
    expect([rivera.state.alarm, rivera.state.recalibrationDue]).toEqual([false, false]);
  });

  it('does not alarm Chen at 0.972: the floor-widened limit is 0.98 − 0.6 · 0.02/3', () => {
    const chen = chartOf('chen');
    const centre = mean(CHEN);
    // z = c + 0.2 (0.972 − c) = c − 0.001945; limit c − 0.004.
    expect(chen.state.chart.points[4]).toMatchObject({ ewma: expect.closeTo(centre + 0.2 * (0.972 - centre), 12), lower: expect.closeTo(centre - 0.004, 12), alarm: null });
    expect([chen.state.alarm, chen.state.recalibrationDue]).toEqual([false, false]);
    // Against the baseline's own σ (≈ 0.0006) it was an alarm: the report of the user.
    const unfloored = ewmaChart([...CHEN, 0.972], { alarmSide: 'below' });
    expect(unfloored.sigma!).toBeLessThan(0.001);
    expect(unfloored.alarms.map((a) => [a.index, a.side])).toEqual([[4, 'below']]);
  });

  it('does alarm Chen on a real fall, 0.955, beyond the floor-widened limit (more than m = 0.02 below the centre)', () => {
    const [state] = driftState(agreementSeries([...observationsOf('chen', CHEN), { caseId: 'c5', date: week(4), annotator: 'chen', structure: 'Right lung', modality: 'CT', dice: 0.955, reference: 'adjudicated' }]));
    const centre = mean(CHEN);
    // z = c − 0.2 · 0.026725 = c − 0.005345 < c − 0.004.
    expect(state.chart.points[4]).toMatchObject({ ewma: expect.closeTo(centre - 0.005345, 12), alarm: 'below' });
    expect([state.recalibrationDue, state.dueSince?.caseId]).toEqual([true, 'c5']);
  });
});

// caseObservations on a 10 × 1 × 1 row: masks are runs of voxels, overlaps counted by hand.
const g = grid(10, 1, 1);
const run = (from: number, to: number): BitMask => box(g, [from, 0, 0], [to - from, 1, 1]);
const lungOf = (mask: BitMask) => segmentation(g, [segment(1, 'Right lung', mask, CODES.rightLung)]);
const annotated = (masks: Record<string, BitMask>): ObservedAnnotation[] =>
  Object.entries(masks).map(([annotator, mask], k) => ({ annotator, date: week(k), segmentation: lungOf(mask) }));
// A = voxels 0–3, B = 0–4, C = 2–7.
const ABC = { A: run(0, 4), B: run(0, 5), C: run(2, 8) };
const observe = (referenceMask: BitMask, origin?: ReferenceOrigin, masks: Record<string, BitMask> = ABC) => caseObservations({
  caseId: 'c', modality: 'CT', annotations: annotated(masks),
  reference: { kind: 'adjudicated', segmentation: lungOf(referenceMask), ...(origin ? { origins: { 1: origin } } : {}) },
});
const marks = (result: CaseObservations) => result.agreement.map((o) => [o.annotator, o.dice, o.unmonitored ?? 'monitored']);

describe('which points a reference judges (caseObservations)', () => {
  it('"accepted A": A’s point is not monitored, B’s and C’s are', () => {
    // Reference = A: Dice B = 2·4/(5+4) = 8/9, C = 2·2/(6+4) = 2/5.
    expect(marks(observe(run(0, 4), { kind: 'accepted', annotator: 'A' }))).toEqual([
      ['A', 1, 'reference-from-annotator'], ['B', 8 / 9, 'monitored'], ['C', 2 / 5, 'monitored'],
    ]);
  });

  it('edited from B: B’s point is not monitored; edited from an unrecorded start: every point is', () => {
    // Reference = voxels 0–5: Dice A = 8/10, B = 10/11, C = 8/12.
    const edited = run(0, 6);
    expect(marks(observe(edited, { kind: 'edited', from: 'B' })).map((m) => m[2])).toEqual(['monitored', 'reference-from-annotator', 'monitored']);
    expect(marks(observe(edited, { kind: 'edited', from: null }))).toEqual([['A', 8 / 10, 'monitored'], ['B', 10 / 11, 'monitored'], ['C', 8 / 12, 'monitored']]);
  });

  it('a reference that is an annotator’s mask voxel for voxel, whatever the record says (here none), is taken from them', () => {
    expect(marks(observe(run(2, 8))).map((m) => m[2])).toEqual(['monitored', 'monitored', 'reference-from-annotator']);
  });

  it('majority, STAPLE or an agreed structure: every annotator voted the reference in, none is monitored', () => {
    // (A consensus that is one annotator's mask voxel for voxel is marked as taken from them: see above.)
    for (const method of ['majority', 'staple', 'agreed'] as const) {
      const result = observe(run(0, 6), { kind: 'consensus', method });
      expect(result.agreement.map((o) => o.unmonitored)).toEqual(['reference-made-with-annotator', 'reference-made-with-annotator', 'reference-made-with-annotator']);
      expect(result.structures[0].referenceOrigin).toEqual({ kind: 'consensus', method });
    }
  });
});

describe('"agreed": the report records no method, the masks tell', () => {
  it('a reference that is one agreeing annotator’s mask leaves out only that annotator', () => {
    expect(marks(observe(run(2, 8), { kind: 'consensus', method: 'agreed' })).map((m) => m[2])).toEqual(['monitored', 'monitored', 'reference-from-annotator']);
  });
});

describe('where the origins come from: the signed adjudication that judged the reference SEG (referenceOriginsOf)', () => {
  const seg = (sopInstanceUid: string, name: string) => ({ sopInstanceUid, creator: { name, login: null }, attribution: { name } });
  const annotation = (letter: string, sopInstanceUid: string, segmentNumber: number) => ({ annotation: letter, segment: { sopInstanceUid, segmentNumber } });
  const structure = (decision: object, referenceSegment: number) => ({
    annotations: [annotation('A', 'seg-rivera', 1), annotation('B', 'seg-chen', 3), annotation('C', 'ref', referenceSegment)], decision,
  });
  const adjudication = { observer: { role: 'adjudicator' }, verification: {}, structures: [
    structure({ outcome: 'accepted', acceptedAnnotation: 'B' }, 1),
    structure({ outcome: 'edited' }, 2),
    structure({ outcome: 'staple' }, 3),
    structure({ outcome: 'agreed' }, 4),
  ] };
  // A review (not signed by an adjudicator) that judged the same reference: its "agreed" says nothing of how the reference was made.
  const review = { observer: { role: 'reviewer' }, structures: [structure({ outcome: 'accepted', acceptedAnnotation: 'A' }, 1)] };
  const inventoryOf = (reports: object[]) => ({
    annotations: [seg('seg-rivera', 'Rivera^Ana'), seg('seg-chen', 'Chen^Wei')], references: [], qcReports: reports.map((report) => ({ report })),
  }) as unknown as CaseInventory;

  it('reads each structure’s decision by the reference’s segment number; the accepted letter is the SEG of that structure, named by its annotator', () => {
    expect(referenceOriginsOf(inventoryOf([adjudication, review]), 'ref')).toEqual({
      1: { kind: 'accepted', annotator: 'Chen^Wei' },
      2: { kind: 'edited', from: null },
      3: { kind: 'consensus', method: 'staple' },
      4: { kind: 'consensus', method: 'agreed' },
    });
  });

  it('ignores reviews and adjudications of another reference', () => {
    expect(referenceOriginsOf(inventoryOf([review]), 'ref')).toEqual({});
    expect(referenceOriginsOf(inventoryOf([adjudication]), 'another-ref')).toEqual({});
  });
});

describe('Dice against the leave-one-out majority of the others', () => {
  const loo = (result: CaseObservations) => result.leaveOneOut!.map((o) => [o.annotator, o.dice, o.others]);

  it('three annotators: the majority of the two others is their intersection', () => {
    // A against B ∩ C = 2–4: 2·2/(4+3) = 4/7; B against A ∩ C = 2–3: 2·2/(5+2) = 4/7; C against A ∩ B = 0–3: 2·2/(6+4) = 2/5.
    expect(loo(observe(run(0, 4)))).toEqual([['A', 4 / 7, 2], ['B', 4 / 7, 2], ['C', 2 / 5, 2]]);
  });

  it('four annotators: a voxel in at least two of the three others', () => {
    // D = 6–9. Others of A (B, C, D) vote 0:1 1:1 2:2 3:2 4:2 5:1 6:2 7:2 8:1 9:1 → {2, 3, 4, 6, 7}: Dice 2·2/(4+5) = 4/9.
    // Others of D (A, B, C) vote 0:2 1:2 2:3 3:3 4:2 5:1 6:1 7:1 → 0–4: Dice 0.
    const result = observe(run(0, 4), undefined, { ...ABC, D: run(6, 10) });
    expect(loo(result).find((o) => o[0] === 'A')).toEqual(['A', 4 / 9, 3]);
    expect(loo(result).find((o) => o[0] === 'D')).toEqual(['D', 0, 3]);
  });

  it('needs three annotators', () => {
    expect(observe(run(0, 4), undefined, { A: ABC.A, B: ABC.B }).leaveOneOut).toEqual([]);
  });

  it('is carried to each chart, oldest first, not monitored', () => {
    const cases = [0, 1].map((k) => ({ ...observe(run(0, 4)), caseId: `c${k}`, agreement: [], leaveOneOut: observe(run(0, 4)).leaveOneOut!.map((o) => ({ ...o, caseId: `c${k}`, date: week(1 - k) })) }));
    const chart = programmeReliability(cases, []).drift.find((d) => d.series.annotator === 'C')!;
    expect(chart.leaveOneOut.map((o) => [o.caseId, o.dice])).toEqual([['c1', 2 / 5], ['c0', 2 / 5]]);
    expect(chart.series.values).toEqual([]);
  });
});
