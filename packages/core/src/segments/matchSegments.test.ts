// Segment matching between annotators: the demo cohort's CT segments (Right/Left lung share the
// type Lung and differ only by the laterality modifier, SCT 24028007 / 7771000), relabelled and
// reordered as another annotator would have them, and hand-made cases for each pass.
import { CT_SEGMENTS, MR_SEGMENTS } from '@segqc/demo-data';
import { SCT } from '../codes/sct';
import type { CodeInit } from '../dicom/CodedConcept';
import { segmentationFromLabelVolume } from '../volume/io/labelVolumeToSegmentation';
import { readNrrd } from '../volume/io/readNrrd';
import { writeNrrd } from '../volume/io/nrrd.fixture';
import { matchSegments, normalizeLabel } from './matchSegments';
import type { SegmentIdentity } from './SegmentIdentity';

type Segment = SegmentIdentity & { id: string };
const seg = (id: string, label: string, codes: { category?: CodeInit; type?: CodeInit; typeModifier?: CodeInit } = {}): Segment => ({ id, label, ...codes });
const fromDemo = (prefix: string): Segment[] =>
  CT_SEGMENTS.map((d) => ({ id: `${prefix}${d.segmentNumber}`, label: d.label, category: d.category, type: d.type, typeModifier: d.typeModifier }));
const ids = (result: ReturnType<typeof matchSegments<Segment, Segment>>): unknown => ({
  pairs: result.pairs.map((p) => [p.a.id, p.b.id, p.by]),
  unmatchedA: result.unmatchedA.map((s) => s.id),
  unmatchedB: result.unmatchedB.map((s) => s.id),
});

describe('matchSegments on the demo cohort segments', () => {
  test('two annotators with the same definitions pair segment for segment by type code', () => {
    expect(ids(matchSegments(fromDemo('a'), fromDemo('b')))).toEqual({
      pairs: [['a1', 'b1', 'type-code'], ['a2', 'b2', 'type-code'], ['a3', 'b3', 'type-code']],
      unmatchedA: [],
      unmatchedB: [],
    });
  });

  test('relabelled and reordered, right still pairs with right and left with left (laterality modifier in the key)', () => {
    const b = fromDemo('b').reverse().map((s) => ({ ...s, label: { b1: 'R lung', b2: 'L lung', b3: 'nodule #1' }[s.id]! }));
    expect(ids(matchSegments(fromDemo('a'), b))).toEqual({
      pairs: [['a1', 'b1', 'type-code'], ['a2', 'b2', 'type-code'], ['a3', 'b3', 'type-code']],
      unmatchedA: [],
      unmatchedB: [],
    });
  });

  test('an annotator with only the lungs: the nodule is reported unmatched, not dropped; MR lesion pairs with nothing in CT', () => {
    const mr = MR_SEGMENTS.map((d) => seg('mr', d.label, { category: d.category, type: d.type }));
    expect(ids(matchSegments(fromDemo('a'), [...fromDemo('b').slice(0, 2), ...mr]))).toEqual({
      pairs: [['a1', 'b1', 'type-code'], ['a2', 'b2', 'type-code']],
      unmatchedA: ['a3'],
      // Lesion (SCT 52988006) and Nodule (SCT 27925004) are different types in one scheme: no pairing by category.
      unmatchedB: ['mr'],
    });
  });

  test('a Slicer .seg.nrrd read through readNrrd pairs its right and left lungs with the demo SEG segments', () => {
    const terminology = (type: string, modifier: string): string =>
      `Segmentation category and type - 3D Slicer General Anatomy list~SCT^123037004^Anatomical Structure~${type}~${modifier}~Anatomic codes - DICOM master list~^^~^^`;
    const bytes = writeNrrd(
      {
        typeName: 'uchar', sampleType: 'uint8', sizes: [2, 2, 1], space: 'left-posterior-superior', directions: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], origin: [0, 0, 0],
        keyValues: {
          Segment0_Name: 'left lung', Segment0_LabelValue: '1', Segment0_Layer: '0', Segment0_Terminology: terminology('SCT^39607008^Lung', 'SCT^7771000^Left'),
          Segment1_Name: 'right lung', Segment1_LabelValue: '2', Segment1_Layer: '0', Segment1_Terminology: terminology('SCT^39607008^Lung', 'SCT^24028007^Right'),
        },
      },
      [1, 2, 0, 0],
    );
    const slicer = segmentationFromLabelVolume(readNrrd(bytes)).segments;
    const result = matchSegments(fromDemo('a'), slicer);
    expect(result.pairs.map((p) => [p.a.label, p.b.label, p.by])).toEqual([['Right lung', 'right lung', 'type-code'], ['Left lung', 'left lung', 'type-code']]);
    expect(result.unmatchedA.map((s) => s.label)).toEqual(['Lung nodule']);
    expect(result.unmatchedB).toEqual([]);
  });
});

describe('matchSegments: each pass', () => {
  const lung = { category: SCT.AnatomicalStructure, type: SCT.Lung };
  const srtLung = { category: { value: 'T-D000A', scheme: 'SRT', meaning: 'Anatomical Structure' }, type: { value: 'T-28000', scheme: 'SRT', meaning: 'Lung' } };

  test('two "Lung" type codes with different labels pair by type code', () => {
    expect(ids(matchSegments([seg('a', 'Lungs', lung)], [seg('b', 'lung mask v2', lung)]))).toEqual({ pairs: [['a', 'b', 'type-code']], unmatchedA: [], unmatchedB: [] });
  });

  test('Right vs Left lung, even labelled alike, never pair; nor does Lung with Right lung', () => {
    const right = seg('r', 'Lung', { ...lung, typeModifier: SCT.Right });
    const left = seg('l', 'Lung', { ...lung, typeModifier: SCT.Left });
    const both = seg('n', 'Lung', lung);
    expect(ids(matchSegments([right], [left]))).toEqual({ pairs: [], unmatchedA: ['r'], unmatchedB: ['l'] });
    expect(ids(matchSegments([both], [right]))).toEqual({ pairs: [], unmatchedA: ['n'], unmatchedB: ['r'] });
  });

  test('category code when one side has no type', () => {
    const a = [seg('a', 'Nodule', { category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule }), seg('lung', 'Lung', lung)];
    const b = [seg('b', 'finding 1', { category: SCT.MorphologicallyAbnormalStructure })];
    expect(ids(matchSegments(a, b))).toEqual({ pairs: [['a', 'b', 'category-code']], unmatchedA: ['lung'], unmatchedB: [] });
  });

  test('label last: trimmed, case-insensitive; codes in different schemes cannot contradict (SRT vs SCT)', () => {
    expect(ids(matchSegments([seg('a', '  Liver ')], [seg('b', 'LIVER')]))).toEqual({ pairs: [['a', 'b', 'label']], unmatchedA: [], unmatchedB: [] });
    expect(ids(matchSegments([seg('a', 'Lung', { type: srtLung.type })], [seg('b', 'lung', lung)]))).toEqual({ pairs: [['a', 'b', 'label']], unmatchedA: [], unmatchedB: [] });
    // Same scheme, different types, same label: different structures.
    expect(ids(matchSegments([seg('a', 'Mass', { type: SCT.Nodule })], [seg('b', 'mass', { type: SCT.Lesion })]))).toEqual({ pairs: [], unmatchedA: ['a'], unmatchedB: ['b'] });
    expect(normalizeLabel(' Right\t  Lung ')).toBe('right lung');
  });

  test('one-to-one: several candidates pair by label, the ambiguous rest stays unmatched', () => {
    const nodule = { category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule };
    const a = [seg('a1', 'Nodule 1', nodule), seg('a2', 'Nodule 2', nodule), seg('a3', 'Nodule', nodule), seg('a4', 'Nodule', nodule)];
    const b = [seg('b2', 'nodule 2', nodule), seg('b1', 'NODULE 1', nodule), seg('b3', 'Nodule', nodule), seg('b4', 'Nodule', nodule)];
    expect(ids(matchSegments(a, b))).toEqual({ pairs: [['a1', 'b1', 'type-code'], ['a2', 'b2', 'type-code']], unmatchedA: ['a3', 'a4'], unmatchedB: ['b3', 'b4'] });
    // One segment against two of the same type: the one whose label agrees.
    expect(ids(matchSegments([seg('a', 'Lung', lung)], [seg('x', 'Lung copy', lung), seg('y', 'lung', lung)]))).toEqual({ pairs: [['a', 'y', 'type-code']], unmatchedA: [], unmatchedB: ['x'] });
    // A single leftover on each side pairs even with different labels.
    expect(ids(matchSegments([seg('a', 'L', lung)], [seg('b', 'lungs', lung)]))).toEqual({ pairs: [['a', 'b', 'type-code']], unmatchedA: [], unmatchedB: [] });
  });

  test('empty inputs', () => {
    expect(ids(matchSegments([], [seg('b', 'x')]))).toEqual({ pairs: [], unmatchedA: [], unmatchedB: ['b'] });
  });
});
