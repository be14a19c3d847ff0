// The programme's statistics from hand-made case observations, with answers worked out here.
import { compareMasks } from '../metrics/compareMasks';
import { box, grid } from '../review/review.fixture';
import type { CaseObservations } from './caseObservations';
import { programmeReliability } from './programmeReliability';

const g = grid(6, 6, 1);
const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);
// X's right-lung Dice against the adjudicated reference, a case a week: a baseline of 0.9, 0.92, 0.9, 0.92, then a drop to 0.8.
const X_DICE = [0.9, 0.92, 0.9, 0.92, 0.8, 0.8];

function ctCase(k: number): CaseObservations {
  const caseId = `c${k + 1}`;
  return {
    caseId,
    modality: 'CT',
    structures: [{ label: 'Right lung', reference: 'adjudicated', lesion: false }],
    agreement: [{ caseId, date: week(k), annotator: 'X', structure: 'Right lung', modality: 'CT', dice: X_DICE[k], reference: 'adjudicated' }],
    pairs: k === 0
      ? [{ structure: 'Right lung', annotators: ['X', 'Y'], dice: 0.9 }, { structure: 'Right lung', annotators: ['Z', 'X'], dice: 0.7 }]
      : k === 1 ? [{ structure: 'Right lung', annotators: ['Y', 'X'], dice: 0.8 }] : [],
    // Nodules found: c1 2 and 2, c2 1 and 0, c3 3 and 3.
    lesionCounts: k < 3 ? [{ annotator: 'X', structure: 'Lung nodule', count: [2, 1, 3][k] }, { annotator: 'Y', structure: 'Lung nodule', count: [2, 0, 3][k] }] : [],
    calibration: [],
  };
}

// The calibration case: X scored against its gold (X's 4 × 4 square against a 4 × 6 gold: Dice 32/40).
const calibrationCase: CaseObservations = {
  caseId: 'cal',
  modality: 'CT',
  structures: [{ label: 'Right lung', reference: 'gold', lesion: false }],
  agreement: [{ caseId: 'cal', date: week(6), annotator: 'X', structure: 'Right lung', modality: 'CT', dice: 0.8, reference: 'gold' }],
  // Scored against the gold, not for IRR: this pair and these labels must change no matrix and no kappa.
  pairs: [{ structure: 'Right lung', annotators: ['X', 'Y'], dice: 0.1 }],
  lesionCounts: [{ annotator: 'X', structure: 'Lung nodule', count: 5 }, { annotator: 'Y', structure: 'Lung nodule', count: 0 }],
  calibration: [{ caseId: 'cal', annotator: 'X', structure: 'Right lung', modality: 'CT', date: week(6), agreement: compareMasks(box(g, [0, 0, 0], [4, 4, 1]), box(g, [0, 0, 0], [4, 6, 1])) }],
};

// A case without a reference standard, between weeks 1 and 2: X's and Y's Dice against the majority vote.
const openCase: CaseObservations = {
  caseId: 'open',
  modality: 'CT',
  structures: [{ label: 'Right lung', reference: 'majority', lesion: false }],
  agreement: ['X', 'Y'].map((annotator) => ({ caseId: 'open', date: `${week(1)}T12:00`, annotator, structure: 'Right lung', modality: 'CT', dice: 0.5, reference: 'peer' as const })),
  pairs: [],
  lesionCounts: [],
  calibration: [],
};

const result = programmeReliability([...X_DICE.map((_, k) => ctCase(k)), calibrationCase, openCase], [{ caseId: 'cal', modality: 'CT' }], { labels: { bootstrap: false } });

describe('drift charts', () => {
  it('monitor the adjudicated and gold points; show the majority-vote point beside them, unmonitored', () => {
    expect(result.drift.map((d) => d.series.annotator)).toEqual(['X', 'Y']);
    const [chart] = result.drift;
    expect(chart.series.values).toEqual([...X_DICE, 0.8]);
    expect(chart.series.observations.map((o) => o.caseId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'cal']);
    expect(chart.references).toEqual({ adjudicated: 6, gold: 1 });
    expect(chart.unmonitored.map((o) => [o.caseId, o.dice, o.reference])).toEqual([['open', 0.5, 'peer']]);
  });

  it('an annotator with majority-vote points only gets a chart with nothing monitored', () => {
    const y = result.drift[1];
    expect([y.series.values, y.references, y.unmonitored.map((o) => o.caseId)]).toEqual([[], {}, ['open']]);
    expect([y.state.chart.baselineComplete, y.state.alarm, y.state.recalibrationDue]).toEqual([false, false, false]);
  });

  it('alarm from the first low week on and ask X to redo the calibration case', () => {
    // Baseline mean 0.91, s = √(0.0004/3), σ = s / c4(4) = 0.012533. With λ 0.2 and L 3 the half-widths are
    // 0.6 σ and √0.5904 σ: z = 0.888 < 0.91 − 0.00752 = 0.90248, then z = 0.8704 < 0.91 − 0.00963.
    const { state } = result.drift[0];
    expect(state.chart.firstAlarmIndex).toBe(4);
    // The gold point, 0.8: z = 0.85632, still below.
    expect(state.chart.alarms.map((a) => [a.index, a.side])).toEqual([[4, 'below'], [5, 'below'], [6, 'below']]);
    expect(state.recalibrationDue).toBe(true);
    expect(state.dueSince).toEqual({ index: 4, caseId: 'c5', date: week(4) });
    expect(state.calibrationCasesToRedo).toEqual(['cal']);
  });
});

it('IRR matrix: mean Dice per pair over the cases both annotated (not the calibration case), null where none', () => {
  expect(result.irr).toEqual([{
    structure: 'Right lung',
    modality: 'CT',
    annotators: ['X', 'Y', 'Z'],
    meanDice: [[null, expect.closeTo(0.85, 12), 0.7], [expect.closeTo(0.85, 12), null, null], [0.7, null, null]],
    cases: [[0, 2, 1], [2, 0, 0], [1, 0, 0]],
  }]);
});

describe('case-level lesion labels (the calibration case left out)', () => {
  it('lesion present: X always, Y not in c2 — observed 2/3, chance 2/3, κ = 0', () => {
    const present = result.lesionLabels.find((l) => l.kind === 'lesion-present')!;
    expect(present.labels.filter((l) => l.annotator === 'Y').map((l) => l.label)).toEqual(['yes', 'no', 'yes']);
    expect(present.agreement!.cohen[0].kappa!.kappa).toBeCloseTo(0, 12);
  });

  it('lesion count: observed 2/3, chance 2/9 (counts 2 and 3 each a third for both), κ = 4/7', () => {
    const counted = result.lesionLabels.find((l) => l.kind === 'lesion-count')!;
    expect(counted.agreement!.categories).toEqual([0, 1, 2, 3]);
    expect(counted.agreement!.cohen[0].kappa!.kappa).toBeCloseTo(4 / 7, 12);
    // Two annotators: Cohen's κ is the one; Fleiss' needs three.
    expect(counted.agreement!.fleiss).toBeNull();
  });
});

it('calibration scores: X against the gold', () => {
  expect(result.calibration).toHaveLength(1);
  expect(result.calibration[0].annotator).toBe('X');
  expect(result.calibration[0].cases[0]).toMatchObject({ caseId: 'cal', dice: 32 / 40, volumeErrorMl: (16 - 24) / 1000 });
});
