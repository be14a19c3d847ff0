// One case's contribution to the programme statistics, on boxes whose overlaps are counted by hand.
// Right lung on a 10 × 10 × 1 grid: A is the 4 × 4 square at the origin (16 voxels), B the 4 × 5
// (20), C the 6 × 4 (24). A voxel is in 2 of 3 exactly on A's square, so the majority vote is A:
// Dice(A, maj) = 1, Dice(B, maj) = 32/36, Dice(C, maj) = 32/40; pairs A–B 32/36, A–C 32/40, B–C 32/44.
// Nodules: A marks (8, 8) and (8, 1) — two lesions —, B marks (8, 8), C none; the majority is (8, 8).
import { box, CODES, grid, segment, segmentation } from '../review/review.fixture';
import { ctLungNoduleSop } from '../review/review.fixture';
import { BitMask } from '../volume/BitMask';
import type { Segmentation } from '../volume/Segmentation';
import { caseObservations, type CaseObservationInput } from './caseObservations';

const g = grid(10, 10, 1);
const lung = (size: [number, number, number]) => segment(1, 'Right lung', box(g, [0, 0, 0], size), CODES.rightLung);
const nodules = (...at: [number, number][]) => {
  const mask = new BitMask(g);
  for (const [i, j] of at) mask.set(i + 10 * j);
  return segment(2, 'Lung nodule', mask, CODES.nodule);
};
const A = segmentation(g, [lung([4, 4, 1]), nodules([8, 8], [8, 1])]);
const B = segmentation(g, [lung([4, 5, 1]), nodules([8, 8])]);
const C = segmentation(g, [lung([6, 4, 1])]);

const input = (overrides: Partial<CaseObservationInput> = {}): CaseObservationInput => ({
  caseId: 'case-1',
  modality: 'CT',
  annotations: [
    { annotator: 'A', date: '2024-03-04', segmentation: A },
    { annotator: 'B', date: '2024-03-05', segmentation: B },
    { annotator: 'C', date: '2024-03-06', segmentation: C },
  ],
  reference: null,
  ...overrides,
});
const diceOf = (result: ReturnType<typeof caseObservations>, annotator: string, structure: string) =>
  result.agreement.find((o) => o.annotator === annotator && o.structure === structure)?.dice;

describe('without a reference standard: the majority vote of three annotators', () => {
  const result = caseObservations(input());

  it('gives each annotator’s Dice against the majority, marked as peer agreement', () => {
    expect(diceOf(result, 'A', 'Right lung')).toBe(1);
    expect(diceOf(result, 'B', 'Right lung')).toBeCloseTo(32 / 36, 12);
    expect(diceOf(result, 'C', 'Right lung')).toBeCloseTo(32 / 40, 12);
    // C has no nodule segment: an empty mask against the one-voxel majority.
    expect([diceOf(result, 'A', 'Lung nodule'), diceOf(result, 'B', 'Lung nodule'), diceOf(result, 'C', 'Lung nodule')]).toEqual([2 / 3, 1, 0]);
    expect(new Set(result.agreement.map((o) => o.reference))).toEqual(new Set(['peer']));
    expect(result.agreement.find((o) => o.annotator === 'B')).toMatchObject({ caseId: 'case-1', date: '2024-03-05', modality: 'CT' });
    expect(result.structures).toEqual([
      { label: 'Right lung', reference: 'majority', lesion: false },
      { label: 'Lung nodule', reference: 'majority', lesion: true },
    ]);
  });

  it('gives every pair’s Dice', () => {
    const lungPairs = result.pairs.filter((p) => p.structure === 'Right lung').map((p) => [p.annotators.join('–'), p.dice]);
    expect(lungPairs).toEqual([['A–B', expect.closeTo(32 / 36, 12)], ['A–C', expect.closeTo(32 / 40, 12)], ['B–C', expect.closeTo(32 / 44, 12)]]);
  });

  it('counts lesions (26-connected components) of lesion structures only', () => {
    expect(result.lesionCounts).toEqual([
      { annotator: 'A', structure: 'Lung nodule', count: 2 },
      { annotator: 'B', structure: 'Lung nodule', count: 1 },
      { annotator: 'C', structure: 'Lung nodule', count: 0 },
    ]);
    expect(result.calibration).toEqual([]);
  });

  it("counts only components of the SOP's minimum lesion size (3 mm: a 1-voxel mark at 1 mm spacing is noise, a 4 × 4 mark of 16 mm³, 3.1 mm across, is a lesion)", () => {
    const sopStructures = ctLungNoduleSop().structures;
    expect(caseObservations(input({ sopStructures })).lesionCounts.map(({ count }) => count)).toEqual([0, 0, 0]);
    const withLesion = segmentation(g, [lung([4, 4, 1]), segment(2, 'Lung nodule', box(g, [5, 5, 0], [4, 4, 1]), CODES.nodule)]);
    const counts = caseObservations(input({ sopStructures, annotations: [{ annotator: 'A', date: '2024-03-04', segmentation: withLesion }, { annotator: 'B', date: '2024-03-05', segmentation: B }] })).lesionCounts;
    expect(counts.map(({ annotator, count }) => [annotator, count])).toEqual([['A', 1], ['B', 0]]);
  });
});

it('a two-reader case has no majority: its pair only', () => {
  const result = caseObservations(input({ annotations: input().annotations.slice(0, 2) }));
  expect(result.agreement).toEqual([]);
  expect(result.structures.map((s) => s.reference)).toEqual([null, null]);
  expect(result.pairs.map((p) => p.dice)).toEqual([expect.closeTo(32 / 36, 12), 2 / 3]);
});

it('an annotation without a date is compared and paired but gives no drift point', () => {
  const annotations = input().annotations.map((a) => (a.annotator === 'C' ? { ...a, date: null } : a));
  const result = caseObservations(input({ annotations }));
  expect(result.agreement.some((o) => o.annotator === 'C')).toBe(false);
  expect(result.pairs.filter((p) => p.annotators.includes('C'))).toHaveLength(4);
});

describe('against a reference standard', () => {
  it('an adjudicated SEG is the reference of the structures it has; the others keep the majority', () => {
    // The adjudicator accepted B's lung and segmented no nodule.
    const adjudicated: Segmentation = segmentation(g, [lung([4, 5, 1])]);
    const result = caseObservations(input({ reference: { kind: 'adjudicated', segmentation: adjudicated } }));
    expect(diceOf(result, 'B', 'Right lung')).toBe(1);
    expect(diceOf(result, 'A', 'Right lung')).toBeCloseTo(32 / 36, 12);
    expect(result.agreement.filter((o) => o.structure === 'Right lung').every((o) => o.reference === 'adjudicated')).toBe(true);
    expect(result.agreement.filter((o) => o.structure === 'Lung nodule').every((o) => o.reference === 'peer')).toBe(true);
    expect(result.structures.map((s) => s.reference)).toEqual(['adjudicated', 'majority']);
    expect(result.calibration).toEqual([]);
  });

  it('a gold SEG scores each annotator with every metric (annotator a, gold b), at the SOP’s NSD tolerance too', () => {
    const gold = segmentation(g, [lung([6, 4, 1]), nodules([8, 8])]);
    const result = caseObservations(input({ reference: { kind: 'gold', segmentation: gold }, sopStructures: ctLungNoduleSop().structures }));
    expect(diceOf(result, 'C', 'Right lung')).toBe(1);
    expect(result.agreement.every((o) => o.reference === 'gold')).toBe(true);
    const aLung = result.calibration.find((c) => c.annotator === 'A' && c.structure === 'Right lung')!;
    expect(aLung).toMatchObject({ caseId: 'case-1', modality: 'CT', date: '2024-03-04' });
    expect(aLung.agreement.dice).toBeCloseTo(32 / 40, 12);
    expect([aLung.agreement.a.voxels, aLung.agreement.b.voxels]).toEqual([16, 24]);
    // The CT SOP judges lungs at 3 mm and nodules at 1 mm: both tolerances are measured.
    expect(Object.keys(aLung.agreement.nsd).sort()).toEqual(['1', '2', '3']);
    expect(result.calibration).toHaveLength(6);
  });

  it('a structure only the reference standard has is not one of the case’s structures', () => {
    const gold = segmentation(g, [lung([6, 4, 1]), nodules([8, 8]), segment(3, 'Heart', box(g, [5, 5, 0], [2, 2, 1]), CODES.heart)]);
    const result = caseObservations(input({ reference: { kind: 'gold', segmentation: gold } }));
    expect(result.structures.map((s) => s.label)).toEqual(['Right lung', 'Lung nodule']);
  });
});

describe('bad input names the argument', () => {
  it.each([
    [{ caseId: '' }, 'input.caseId'],
    [{ modality: '' }, 'input.modality'],
    [{ annotations: [{ annotator: 'A', date: null, segmentation: A }, { annotator: 'A', date: null, segmentation: B }] }, 'input.annotations[1]'],
    [{ reference: { kind: 'consensus' as never, segmentation: A } }, 'input.reference.kind'],
  ])('%p → %s', (overrides, argument) => {
    expect(() => caseObservations(input(overrides))).toThrow(expect.objectContaining({ name: 'ProgrammeInputError', argument }));
  });
});
