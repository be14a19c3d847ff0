// The reviewer's reading of a case, on hand-placed cubes whose Dice, distances and lesion counts are
// known, judged against the real CT lung-nodule SOP (lungs: Dice ≥ 0.95, HD95 ≤ 3 mm, NSD@3 mm ≥
// 0.95; nodules: Dice ≥ 0.7, HD95 ≤ 2 mm, NSD@1 mm ≥ 0.8, a lesion at least 3 mm across: 15 voxels here).
import { BitMask } from '../volume/BitMask';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import { reviewCase, type CaseReview, type PairStructureReview, type ReviewAnnotation } from './reviewCase';
import { discrepancyMap } from './discrepancyMap';
import { ReviewInputError } from './ReviewInputError';
import { box, CODES, ctLungNoduleSop, grid, segment, segmentation, union } from './review.fixture';

const sop = ctLungNoduleSop();
const g = grid(30, 30, 20); // 1 mm voxels: 1000 voxels = 1 mL
const rightLung = box(g, [2, 2, 2], [10, 10, 10]);
// A: two nodules (3×3×3 and 2×2×2). B: the first one, and another 2×2×2 of its own far away.
const nodulesA = union(box(g, [2, 20, 2], [3, 3, 3]), box(g, [10, 20, 10], [2, 2, 2]));
const nodulesB = union(box(g, [2, 20, 2], [3, 3, 3]), box(g, [24, 24, 2], [2, 2, 2]));
const heart = box(g, [20, 20, 12], [3, 3, 3]);

const annotationA: ReviewAnnotation = {
  id: 'A',
  segmentation: segmentation(g, [
    segment(1, 'Right lung', rightLung, CODES.rightLung),
    segment(2, 'Left lung', box(g, [15, 2, 2], [10, 10, 10]), CODES.leftLung),
    segment(3, 'Nodules', nodulesA, CODES.nodule),
    segment(4, 'Liver', box(g, [2, 2, 14], [4, 4, 4]), CODES.liver),
    segment(5, 'Heart', heart, CODES.heart),
  ]),
};
const annotationB: ReviewAnnotation = {
  id: 'B',
  segmentation: segmentation(g, [
    segment(1, 'R lung', box(g, [2, 2, 2], [10, 10, 10]), CODES.rightLung),
    // Left lung shifted 1 mm along x: Dice 2·900/2000 = 0.9, every surface distance 0 or 1 mm.
    segment(2, 'L lung', box(g, [16, 2, 2], [10, 10, 10]), CODES.leftLung),
    segment(3, 'Nodule', nodulesB, CODES.nodule),
    segment(4, 'Heart', box(g, [20, 20, 12], [3, 3, 3]), CODES.heart),
  ]),
};
const labelsOf = (rows: PairStructureReview[]) => rows.map((row) => `${row.structure.label} ${row.a}-${row.b}`);

describe('two annotators, every kind of outcome', () => {
  const progress: Array<[number, number]> = [];
  const review = reviewCase([annotationA, annotationB], sop, { onProgress: (done, total) => progress.push([done, total]) });
  const row = (label: string) => review.rows.find((r) => r.structure.label === label)!;

  test('rows worst first: the missing liver, the nodules (HD95 margin), the left lung (Dice), the heart (no thresholds), the right lung (pass)', () => {
    expect(labelsOf(review.rows)).toEqual(['Liver A-B', 'Lung nodule A-B', 'Left lung A-B', 'Heart A-B', 'Right lung A-B']);
    expect(review.rows.map((r) => r.verdict)).toEqual(['escalate', 'escalate', 'escalate', 'no-thresholds', 'pass']);
  });

  test('identical right lungs pass: Dice 1, HD95 0, NSD@3 mm 1, 1 mL each, one lesion each', () => {
    expect(row('Right lung')).toMatchObject({
      a: 'A', b: 'B', segmentA: { number: 1, label: 'Right lung' }, segmentB: { number: 1, label: 'R lung' }, matchedBy: 'type-code',
      dice: 1, jaccard: 1, hd95Mm: 0, hdMm: 0, assdMm: 0, nsd: 1, nsdToleranceMm: 3, volumeAMl: 1, volumeBMl: 1,
      lesions: { a: 1, b: 1, matched: 1, missedByB: 0, extraInB: 0, f1: 1 },
      verdict: 'pass', failed: [],
    });
    expect(row('Right lung').worstMargin).toBeCloseTo(0.05 / 0.95, 12);
    expect(row('Right lung').structure.sopStructure).toEqual({ index: 0, label: 'Right lung', thresholds: sop.structures[0].thresholds });
  });

  test('the left lung shifted 1 mm fails Dice only: 0.9 < 0.95 (HD 1 mm ≤ 3, NSD@3 mm = 1)', () => {
    const left = row('Left lung');
    expect(left.failed).toEqual([{ criterion: 'minDice', threshold: 0.95, value: left.dice }]);
    expect(left.dice).toBeCloseTo(0.9, 15);
    expect(left.jaccard).toBeCloseTo(900 / 1100, 15);
    expect(left).toMatchObject({ hdMm: 1, nsd: 1, volumeAMl: 1, volumeBMl: 1 });
    expect(left.worstMargin).toBeCloseTo(-0.05 / 0.95, 12);
  });

  // Issue 14 changed the lesion counts (not the voxel metrics): the 2×2×2 nodules (8 mm³, equivalent
  // diameter 2.48 mm) are below the SOP's 3 mm minimum, so they are no lesions; before, one was
  // missed by B and one extra in B (F1 0.5).
  test('nodules: the 3×3×3 ones matched, the 2×2×2 ones below 3 mm no lesions; Dice 54/70 passes, HD95 and NSD@1 mm = 52/68 fail', () => {
    const nodule = row('Lung nodule');
    expect(nodule.lesions).toEqual({ a: 1, b: 1, matched: 1, missedByB: 0, extraInB: 0, f1: 1 });
    expect(nodule.minLesionSize).toEqual({ diameterMm: 3 });
    expect(nodule.lesionAgreement).toMatchObject({ minLesionVoxels: 15, a: { belowMinimum: 1 }, b: { belowMinimum: 1 } });
    expect(nodule.dice).toBeCloseTo(54 / 70, 15);
    // Surfaces: 26 + 8 voxels each; the shared cube's 2 × 26 are at 0 mm, the 2 × 8 of the unshared nodules far off.
    expect(nodule.nsd).toBeCloseTo(52 / 68, 15);
    expect(nodule.nsdToleranceMm).toBe(1);
    expect(nodule.hd95Mm!).toBeGreaterThan(2);
    expect(nodule.failed).toEqual([
      { criterion: 'maxHd95Mm', threshold: 2, value: nodule.hd95Mm },
      { criterion: 'minNsd', threshold: 0.8, value: nodule.nsd },
    ]);
    expect(nodule.worstMargin).toBeCloseTo((2 - nodule.hd95Mm!) / 2, 12);
    expect(nodule.volumeAMl).toBeCloseTo(0.035, 15);
  });

  // Issue 14: a side without the segment is an empty mask (before: Dice, volume and lesions null).
  test('a structure only A has is escalated as missing from B, compared with an empty mask: Dice 0, B\'s volume 0, its lesion missed', () => {
    expect(row('Liver')).toMatchObject({
      segmentA: { number: 4, label: 'Liver' }, segmentB: null, matchedBy: null,
      dice: 0, jaccard: 0, hd95Mm: null, hdMm: null, assdMm: null, nsd: null, nsdToleranceMm: null, volumeBMl: 0,
      lesions: { a: 1, b: 0, matched: 0, missedByB: 1, extraInB: 0, f1: 0 },
      minLesionSize: null,
      verdict: 'escalate', failed: [{ criterion: 'missing', missingFrom: 'B' }], worstMargin: -Infinity,
      agreement: { a: { voxels: 64 }, b: { voxels: 0 }, nsd: { 1: null, 2: null, 3: null } },
    });
    expect(row('Liver').volumeAMl).toBeCloseTo(0.064, 15);
    expect(row('Liver').structure.sopStructure).toBeNull();
  });

  test('a structure the SOP does not have: measured, not judged', () => {
    expect(row('Heart')).toMatchObject({ dice: 1, verdict: 'no-thresholds', failed: [], worstMargin: null, nsd: null, nsdToleranceMm: null });
  });

  test('every row carries NSD at every tolerance of the review: the defaults [1, 2] and the SOP\'s (3, 1)', () => {
    expect(review.tolerancesMm).toEqual([1, 2, 3]);
    expect(Object.keys(row('Heart').agreement!.nsd)).toEqual(['1', '2', '3']);
    expect(review.conventions.tolerancesMm).toEqual([1, 2, 3]);
  });

  test('per structure, in SOP order then by first segment: escalated if any pair is', () => {
    expect(review.structures.map((s) => [s.structure.label, s.verdict, s.escalatedPairs, s.annotations])).toEqual([
      ['Right lung', 'pass', 0, ['A', 'B']],
      ['Left lung', 'escalate', 1, ['A', 'B']],
      ['Lung nodule', 'escalate', 1, ['A', 'B']],
      ['Liver', 'escalate', 1, ['A']],
      ['Heart', 'no-thresholds', 0, ['A', 'B']],
    ]);
    expect(review.verdict).toBe('escalate');
    expect(review.rows[0].structureIndex).toBe(3);
  });

  // Issue 14: the missing liver is compared with an empty mask now, so it counts (before: 4 comparisons).
  test('progress after each of the five comparisons, the missing liver\'s included', () => {
    expect(progress).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
  });

  test('the review names its SOP, annotations and conventions', () => {
    expect(review.sop).toBe(sop.reference);
    expect(review.annotations).toEqual(['A', 'B']);
    expect(review.conventions.hd95Variant).toBe('pooled');
    expect(review.conventions.engine).toMatch(/^segqc-core@/);
    expect(review.conventions.lesionSize).toMatch(/^per SOP structure \(minLesionSize\): Lung nodule: a component is a lesion when its equivalent-sphere diameter .* ≥ 3 mm .*; any other structure: no minimum/);
    expect(review.conventions.missingStructure).toMatch(/compared with an empty mask: Dice 0/);
  });
});

describe('three annotators: C has no nodule segment and B and C agree on the left lung', () => {
  const annotationC: ReviewAnnotation = {
    id: 'C',
    segmentation: { ...annotationB.segmentation, segments: annotationB.segmentation.segments.filter((s) => s.label !== 'Nodule') },
  };
  const progress: Array<[number, number]> = [];
  const review = reviewCase([annotationA, annotationB, annotationC], sop, { onProgress: (done, total) => progress.push([done, total]) });

  // Issue 14: every row is a comparison now (the 4 missing rows against an empty mask; before: 10).
  test('pairs in given order, every structure someone of the pair has: 14 rows, 14 comparisons', () => {
    expect(review.rows).toHaveLength(14);
    expect(progress).toHaveLength(14);
    expect(progress[13]).toEqual([14, 14]);
    expect(review.rows.every((r) => ['A-B', 'A-C', 'B-C'].includes(`${r.a}-${r.b}`))).toBe(true);
  });

  test('missing segments first, in structure then pair order; the liver has no B–C row (neither has one)', () => {
    expect(labelsOf(review.rows.slice(0, 4))).toEqual(['Lung nodule A-C', 'Lung nodule B-C', 'Liver A-B', 'Liver A-C']);
    expect(review.rows.slice(0, 4).map((r) => r.failed)).toEqual([
      [{ criterion: 'missing', missingFrom: 'C' }],
      [{ criterion: 'missing', missingFrom: 'C' }],
      [{ criterion: 'missing', missingFrom: 'B' }],
      [{ criterion: 'missing', missingFrom: 'C' }],
    ]);
  });

  // Issue 16: rows as they are ready, smallest structure first; the finished review is the same.
  test('with onPartial, the review grows row by row, smallest pair first, and ends as the review without it', () => {
    const partials: CaseReview[] = [];
    const streamed = reviewCase([annotationA, annotationB, annotationC], sop, { onPartial: (partial) => partials.push(partial) });
    expect(partials.map((partial) => partial.rows.length)).toEqual(Array.from({ length: streamed.rows.length - 1 }, (_, n) => n + 1));
    const voxels = (row: CaseReview['rows'][number]) => row.agreement.a.voxels + row.agreement.b.voxels;
    const firsts = partials.map((partial, n) => partial.rows.find((row) => !(partials[n - 1]?.rows ?? []).some((earlier) => earlier.structureIndex === row.structureIndex && earlier.a === row.a && earlier.b === row.b))!);
    expect(firsts.map(voxels)).toEqual([...firsts.map(voxels)].sort((x, y) => x - y));
    expect(streamed).toEqual(review);
    // A structure's verdict over the rows so far: escalated as soon as one of its rows is.
    for (const partial of partials) {
      for (const [s, structure] of partial.structures.entries()) expect(structure.escalatedPairs).toBe(partial.rows.filter((row) => row.structureIndex === s && row.verdict === 'escalate').length);
    }
  });

  // Issue 14: a structure of the SOP one annotation lacks entirely is missed for that pair, with Dice 0.
  test('the SOP\'s lung nodule, which C lacks: escalated with Dice 0, A\'s and B\'s volume against 0, their nodule missed', () => {
    const rowOf = (pair: string) => review.rows.find((r) => r.structure.label === 'Lung nodule' && `${r.a}-${r.b}` === pair)!;
    expect(rowOf('A-C')).toMatchObject({
      segmentB: null, dice: 0, jaccard: 0, hd95Mm: null, nsd: null, nsdToleranceMm: 1, volumeBMl: 0,
      lesions: { a: 1, b: 0, matched: 0, missedByB: 1, extraInB: 0, f1: 0 }, minLesionSize: { diameterMm: 3 },
      verdict: 'escalate', failed: [{ criterion: 'missing', missingFrom: 'C' }],
    });
    expect(rowOf('A-C').volumeAMl).toBeCloseTo(0.035, 15);
    expect(rowOf('B-C')).toMatchObject({ dice: 0, lesions: { a: 1, b: 0, missedByB: 1 }, verdict: 'escalate' });
    expect(review.structures[2]).toMatchObject({ verdict: 'escalate', escalatedPairs: 3 });
  });

  test('left lung: A–B and A–C escalated (Dice 0.9), B–C passes; the structure is escalated', () => {
    const left = review.rows.filter((r) => r.structure.label === 'Left lung');
    expect(left.map((r) => [`${r.a}-${r.b}`, r.verdict])).toEqual([['A-B', 'escalate'], ['A-C', 'escalate'], ['B-C', 'pass']]);
    expect(review.structures[1]).toMatchObject({ verdict: 'escalate', escalatedPairs: 2 });
    expect(review.structures[0]).toMatchObject({ verdict: 'pass', escalatedPairs: 0, annotations: ['A', 'B', 'C'] });
  });
});

// Issue 14: the SOP's minLesionSize (lung nodule: 3 mm, 15 voxels of 1 mm³) decides what is a lesion
// and what is a discrepancy region; the row carries it for discrepancyMap.
describe('lesions by the SOP\'s size: 1-voxel islands are neither lesions nor discrepancy regions, a 3 mm component is', () => {
  const shared = box(g, [2, 20, 2], [3, 3, 3]);
  const nodulesOfA = union(shared, box(g, [10, 10, 10], [1, 1, 1]), box(g, [25, 5, 5], [1, 1, 1]));
  // B: the shared nodule, an island of its own, and a 3×5×1 nodule (15 voxels, d 3.06 mm) A lacks.
  const nodulesOfB = union(shared, box(g, [20, 2, 15], [1, 1, 1]), box(g, [15, 15, 15], [3, 5, 1]));
  const review = reviewCase([
    { id: 'A', segmentation: segmentation(g, [segment(1, 'Nodules', nodulesOfA, CODES.nodule)]) },
    { id: 'B', segmentation: segmentation(g, [segment(1, 'Nodules', nodulesOfB, CODES.nodule)]) },
  ], sop);
  const [row] = review.rows;

  test('lesions: the shared nodule matched, B\'s 3 mm nodule extra; the three islands are not counted anywhere', () => {
    expect(row.lesions).toEqual({ a: 1, b: 2, matched: 1, missedByB: 0, extraInB: 1, f1: 2 / 3 });
    expect(row.lesionAgreement).toMatchObject({ a: { belowMinimum: 2 }, b: { belowMinimum: 1 } });
  });

  test('discrepancy regions with the row\'s minimum: only the 3 mm nodule; without it, the islands too', () => {
    const withMinimum = discrepancyMap(nodulesOfA, nodulesOfB, { minLesionSize: row.minLesionSize });
    expect(withMinimum.regions.map((r) => [r.kind, r.voxels])).toEqual([['b-only', 15]]);
    expect(withMinimum.smallRegions).toBe(3);
    expect(discrepancyMap(nodulesOfA, nodulesOfB).regions).toHaveLength(4);
  });

  test('the voxel metrics still count every voxel: Dice 2·27 / (29 + 43)', () => {
    expect(row.dice).toBeCloseTo(54 / 72, 15);
  });
});

describe('without a SOP', () => {
  test('nothing is judged but missing structures, which still escalate', () => {
    const review = reviewCase([annotationA, annotationB], null);
    expect(review.sop).toBeNull();
    expect(review.rows.map((r) => r.verdict)).toEqual(['escalate', 'no-thresholds', 'no-thresholds', 'no-thresholds', 'no-thresholds']);
    // Without thresholds, rows go by Dice: nodules 0.77, left lung 0.9, then the two Dice-1 rows in structure order.
    expect(labelsOf(review.rows)).toEqual(['Liver A-B', 'Nodules A-B', 'Left lung A-B', 'Right lung A-B', 'Heart A-B']);
    expect(review.tolerancesMm).toEqual([1, 2]);
  });

  test('all structures shared: the case has no thresholds', () => {
    const withoutLiver = { ...annotationA, segmentation: { ...annotationA.segmentation, segments: annotationA.segmentation.segments.filter((s) => s.label !== 'Liver') } };
    expect(reviewCase([withoutLiver, annotationB], null).verdict).toBe('no-thresholds');
  });
});

describe('edge cases', () => {
  test('both annotators drew an empty right lung: they agree (Dice 1, no distance to judge)', () => {
    const empty = (id: string): ReviewAnnotation => ({ id, segmentation: segmentation(g, [segment(1, 'Right lung', new BitMask(g), CODES.rightLung)]) });
    const review = reviewCase([empty('A'), empty('B')], sop);
    expect(review.rows[0]).toMatchObject({ dice: 1, hd95Mm: null, nsd: null, verdict: 'pass' });
    expect(review.verdict).toBe('pass');
  });

  test('one empty, one drawn: Dice 0 and the undefined distances fail', () => {
    const review = reviewCase([
      { id: 'A', segmentation: segmentation(g, [segment(1, 'Right lung', new BitMask(g), CODES.rightLung)]) },
      { id: 'B', segmentation: segmentation(g, [segment(1, 'Right lung', rightLung, CODES.rightLung)]) },
    ], sop);
    expect(review.rows[0].failed).toEqual([
      { criterion: 'minDice', threshold: 0.95, value: 0 },
      { criterion: 'maxHd95Mm', threshold: 3, value: null },
      { criterion: 'minNsd', threshold: 0.95, value: null },
    ]);
  });

  test("segments that are the same SOP structure but share no key are compared, matchedBy 'same-structure'", () => {
    const review = reviewCase([
      { id: 'A', segmentation: segmentation(g, [segment(1, 'Lesion', nodulesA, CODES.nodule)]) },
      { id: 'B', segmentation: segmentation(g, [segment(1, 'lung nodule', nodulesA)]) },
    ], sop);
    expect(review.rows).toHaveLength(1);
    expect(review.rows[0]).toMatchObject({ matchedBy: 'same-structure', dice: 1, verdict: 'pass' });
  });

  test('extra tolerances and the MONAI HD95 are passed through', () => {
    const review = reviewCase([annotationA, annotationB], sop, { tolerancesMm: [0.5], hd95: 'directed-max' });
    expect(review.tolerancesMm).toEqual([0.5, 1, 3]);
    expect(Object.keys(review.rows[1].agreement!.nsd).sort()).toEqual(['0.5', '1', '3']);
    expect(review.rows[1].agreement!.hd95Variant).toBe('directed-max');
    expect(review.conventions.hd95Variant).toBe('directed-max');
  });
});

describe('inputs a review cannot be built from', () => {
  test('fewer than two annotations', () => {
    expect(() => reviewCase([annotationA], sop)).toThrow(ReviewInputError);
    expect(() => reviewCase([annotationA], sop)).toThrow(/^annotations: a review compares at least two annotations, got 1$/);
  });

  test('a repeated or empty id, named by its index', () => {
    expect(() => reviewCase([annotationA, { ...annotationB, id: 'A' }], sop)).toThrow(/^annotations\[1\]\.id: "A" is annotations\[0\] already$/);
    expect(() => reviewCase([annotationA, { ...annotationB, id: ' ' }], sop)).toThrow(/^annotations\[1\]\.id: must be a non-empty string$/);
  });

  test('a segment on another grid, named before any work', () => {
    const other = grid(30, 30, 21);
    const onOtherGrid: ReviewAnnotation = { id: 'B', segmentation: segmentation(other, [segment(1, 'Heart', new BitMask(other), CODES.heart)]) };
    let progressCalls = 0;
    const run = () => reviewCase([annotationA, onOtherGrid], sop, { onProgress: () => progressCalls++ });
    expect(run).toThrow(GeometryMismatchError);
    expect(run).toThrow(/^annotations\[1\]\.segmentation\.segments\[0\]\.mask\.grid: masks are on different grids: 30×30×20 vs 30×30×21, unlike annotations\[0\]\.segmentation\.segments\[0\]$/);
    expect(progressCalls).toBe(0);
  });
});
