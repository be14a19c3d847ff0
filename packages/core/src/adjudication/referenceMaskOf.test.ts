// The reference of one structure from boxes whose overlaps are known: the accepted annotation as
// it is (a copy), the majority and STAPLE over every annotation — one that lacks the structure
// counted as an empty mask, because its annotator looked and marked nothing — and the edited mask.
import { SCT } from '../codes/sct';
import { box, grid } from '../metrics/metrics.fixture';
import { BitMask } from '../volume/BitMask';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import type { AdjudicatedStructure, ReferenceMethodInit } from './Adjudication';
import { referenceMaskOf } from './referenceMaskOf';

const g = grid(12, 12, 6);
const a = box(g, [2, 2, 1], [4, 4, 4]); // 64 voxels
const c = box(g, [3, 2, 1], [4, 4, 4]); // overlaps a in 3×4×4 = 48
const annotation = (mask: BitMask | null): JudgedSegmentation => ({
  info: {} as JudgedSegmentation['info'],
  segmentation: { grid: g, segments: mask ? [{ number: 7, label: 'Lesion', mask }] : [], source: {} },
});
// B drew nothing of the structure.
const annotations = [annotation(a), annotation(null), annotation(c)];
const structure = (method: ReferenceMethodInit): AdjudicatedStructure => ({
  label: 'Lesion', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Lesion, color: [255, 0, 0],
  segments: [{ annotation: 'A', segmentNumber: 7 }, { annotation: 'C', segmentNumber: 7 }],
  decision: { structureLabel: 'Lesion', method, reasons: [], escalated: true },
});

test('accept: the annotation\'s mask, copied', () => {
  const reference = referenceMaskOf(structure({ kind: 'accept', annotation: 'C' }), annotations, g);
  expect(Array.from(reference.words)).toEqual(Array.from(c.words));
  expect(reference).not.toBe(c);
  reference.set(0);
  expect(c.get(0)).toBe(false);
});

test('majority of three with B empty: voxels both A and C marked (2 of 3 votes)', () => {
  const reference = referenceMaskOf(structure({ kind: 'majority' }), annotations, g);
  expect(reference.count()).toBe(48);
  expect(reference.intersectionCount(a)).toBe(48);
  expect(reference.intersectionCount(c)).toBe(48);
});

test('STAPLE of three with B empty: the overlap of A and C, as B is taken to miss the structure', () => {
  const reference = referenceMaskOf(structure({ kind: 'staple' }), annotations, g);
  expect(reference.count()).toBe(48);
  expect(reference.intersectionCount(a)).toBe(48);
});

test('edited: the adjudicator\'s mask, copied', () => {
  const edited = box(g, [5, 5, 2], [2, 2, 2]);
  const reference = referenceMaskOf(structure({ kind: 'edited', mask: edited }), annotations, g);
  expect(Array.from(reference.words)).toEqual(Array.from(edited.words));
  expect(reference).not.toBe(edited);
});
