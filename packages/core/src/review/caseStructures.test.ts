// Joining the segments of a case's annotations into structures: through the SOP, directly between
// annotators, through a third annotator, and refusing joins that would contradict earlier ones.
import { SCT } from '../codes/sct';
import type { CodeInit } from '../dicom/CodedConcept';
import { BitMask } from '../volume/BitMask';
import type { SegmentVolume } from '../volume/Segmentation';
import { caseStructures, type CaseStructure } from './caseStructures';
import { CODES, ctLungNoduleSop, grid, segment, segmentation } from './review.fixture';

const g = grid(2, 2, 2);
const seg = (number: number, label: string, codes: { category?: CodeInit; type?: CodeInit; typeModifier?: CodeInit } = {}): SegmentVolume =>
  segment(number, label, new BitMask(g), codes);
const sop = ctLungNoduleSop();
/** Each structure as its label, SOP structure index and, per annotation, the segment number (or null). */
const summary = (structures: CaseStructure[]) =>
  structures.map((s) => [s.identity.label, s.identity.sopStructure?.index ?? null, s.segments.map((x) => x?.number ?? null)]);

test('SOP structures first in SOP order, by type + modifier, then category, then label; the others after, by first segment', () => {
  const a = segmentation(g, [
    seg(1, 'Heart', CODES.heart),
    seg(2, 'Nodule #1', CODES.nodule),
    seg(3, 'R lung', CODES.rightLung),
    seg(4, 'LEFT  lung'), // no codes: the SOP's Left lung by its label
  ]);
  const b = segmentation(g, [seg(1, 'Right', CODES.rightLung), seg(2, 'heart', CODES.heart), seg(3, 'Lesion', CODES.nodule)]);
  const structures = caseStructures([a, b], sop.structures);
  expect(summary(structures)).toEqual([
    ['Right lung', 0, [3, 1]],
    ['Left lung', 1, [4, null]],
    ['Lung nodule', 2, [2, 3]],
    ['Heart', null, [1, 2]],
  ]);
  // Identity: the SOP's label and codes when one applies, else the first segment's.
  expect(structures[0].identity).toEqual({
    label: 'Right lung', category: sop.structures[0].category, type: sop.structures[0].type, typeModifier: sop.structures[0].typeModifier,
    sopStructure: { index: 0, label: 'Right lung', thresholds: sop.structures[0].thresholds },
  });
  expect(structures[3].identity).toEqual({ label: 'Heart', ...CODES.heart, sopStructure: null });
  expect(structures[0].directMatches).toEqual([{ a: 0, b: 1, by: 'type-code' }]);
  expect(structures[3].directMatches).toEqual([{ a: 0, b: 1, by: 'type-code' }]);
});

test('without a SOP every structure stands on its own segments', () => {
  const a = segmentation(g, [seg(1, 'Right lung', CODES.rightLung)]);
  const b = segmentation(g, [seg(7, 'right lung', CODES.rightLung), seg(8, 'Spleen')]);
  expect(summary(caseStructures([a, b], []))).toEqual([['Right lung', null, [1, 7]], ['Spleen', null, [null, 8]]]);
});

test('two segments that do not match each other are one structure when both are the same SOP structure', () => {
  // A: typed Nodule, labelled "Lesion"; B: no codes, labelled as the SOP's structure. Directly they
  // share no key; each is the SOP's Lung nodule.
  const a = segmentation(g, [seg(1, 'Lesion', CODES.nodule)]);
  const b = segmentation(g, [seg(1, 'Lung nodule')]);
  const structures = caseStructures([a, b], sop.structures);
  expect(summary(structures)).toEqual([['Lung nodule', 2, [1, 1]]]);
  expect(structures[0].directMatches).toEqual([]);
});

test('a join that would put two segments of one annotation into one structure is refused', () => {
  // A–B pair "mass" by label, A–C pair "growth" by label, B–C pair by their common type: joining
  // that would hold both of A's segments, so B's and C's segments stay apart.
  const T: CodeInit = { value: '4147007', scheme: 'SCT', meaning: 'Mass' };
  const a = segmentation(g, [seg(1, 'mass'), seg(2, 'growth')]);
  const b = segmentation(g, [seg(1, 'mass', { type: T })]);
  const c = segmentation(g, [seg(1, 'growth', { type: T })]);
  const structures = caseStructures([a, b, c], []);
  expect(summary(structures)).toEqual([['mass', null, [1, 1, null]], ['growth', null, [2, null, 1]]]);
  expect(structures.map((s) => s.directMatches)).toEqual([[{ a: 0, b: 1, by: 'label' }], [{ a: 0, b: 2, by: 'label' }]]);
});

test('a join that would put two SOP structures into one is refused', () => {
  // A's "Lungs" has only the lungs' category, so the SOP cannot tell which lung; B's right lung and
  // C's left lung can. A pairs with B by category first; A–C would join Right and Left lung.
  const a = segmentation(g, [seg(1, 'Lungs', { category: SCT.AnatomicalStructure })]);
  const b = segmentation(g, [seg(1, 'Right lung', CODES.rightLung)]);
  const c = segmentation(g, [seg(1, 'Left lung', CODES.leftLung)]);
  expect(summary(caseStructures([a, b, c], sop.structures))).toEqual([['Right lung', 0, [1, 1, null]], ['Left lung', 1, [null, null, 1]]]);
});

// Issue 13: OHIF's export codes every segment "Tissue" and says what it is by the typed label only;
// the SOP's vocabulary (label and synonyms, case and punctuation aside) names the structure.
test("segments known only by a typed label are the SOP's structures through its synonyms; a label in no vocabulary stays apart", () => {
  const tissue = { category: { value: 'T-D0050', scheme: 'SRT', meaning: 'Tissue' }, type: { value: 'T-D0050', scheme: 'SRT', meaning: 'Tissue' } };
  // The shipped SOP has synonyms of its own: start from none, so that the test says which words match.
  const bare = sop.structures.map(({ synonyms: _synonyms, ...structure }) => structure);
  const withSynonyms = bare.map((structure, n) => (n === 0 ? { ...structure, synonyms: ['R lung', 'lung_right'] } : structure));
  const ohif = segmentation(g, [seg(1, 'LUNG-RIGHT', tissue), seg(2, 'left_lung', tissue), seg(3, 'Segment 1', tissue)]);
  const segqc = segmentation(g, [seg(1, 'Right lung', CODES.rightLung), seg(2, 'Left lung')]);
  const structures = caseStructures([ohif, segqc], withSynonyms);
  expect(summary(structures)).toEqual([
    ['Right lung', 0, [1, 1]],
    ['Left lung', 1, [2, 2]],
    ['Segment 1', null, [3, null]],
  ]);
  // Without the synonym, "LUNG-RIGHT" is no SOP word: it stays apart from the Right lung.
  expect(summary(caseStructures([ohif, segqc], bare))[0]).toEqual(['Right lung', 0, [null, 1]]);
});
