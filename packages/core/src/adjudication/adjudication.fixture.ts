// Test fixture: an adjudication of the demo case ct-02 (CT chest; annotators Rivera, Chen, Okafor as
// A, B, C; Chen misses the smallest nodule), under the CT lung-nodule SOP, with the files the
// validators check the written objects against. Generated once per test file.
import { generateDemoFiles } from '@segqc/demo-data';
import { ctLungNoduleSop } from '../review/review.fixture';
import { readSegmentation } from '../seg/read/readSegmentation';
import { readSourceImages } from '../seg/read/readSourceImages';
import type { SourceImage } from '../seg/SourceImage';
import type { Sop } from '../sop/Sop';
import { describeJudgedSeg } from '../sr/describeJudgedSeg';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import type { AdjudicationInit } from './Adjudication';

export interface DemoCase {
  sourceImages: SourceImage[];
  sourceFiles: Uint8Array[];
  /** rivera, chen, okafor: annotations A, B, C. */
  segFiles: Uint8Array[];
  annotations: JudgedSegmentation[];
  sop: Sop;
}

export const ANNOTATORS = ['rivera', 'chen', 'okafor'] as const;

let cached: DemoCase | undefined;

export function demoCt02(): DemoCase {
  if (cached) return cached;
  const files = [...generateDemoFiles({ cases: ['ct-02'] })];
  const sourceFiles = files.filter((file) => file.path.startsWith('ct-02/ct/')).map((file) => file.bytes);
  const sourceImages = readSourceImages(sourceFiles);
  const segFiles = ANNOTATORS.map((key) => files.find((file) => file.path === `ct-02/seg/${key}.dcm`)!.bytes);
  const annotations = segFiles.map((bytes) => ({ info: describeJudgedSeg(bytes), segmentation: readSegmentation(bytes, sourceImages) }));
  cached = { sourceImages, sourceFiles, segFiles, annotations, sop: ctLungNoduleSop() };
  return cached;
}

/** 2 March 2026, 10:15:00 local time. */
export const SIGNED_AT = new Date(2026, 2, 2, 10, 15, 0);

/**
 * A valid adjudication of ct-02: the right lung agreed (Rivera's accepted), the left lung
 * escalated and taken by majority vote, the nodule escalated (Chen missed one) and taken by STAPLE.
 */
export function demoAdjudication(change: Partial<AdjudicationInit> = {}): AdjudicationInit {
  const { annotations, sourceImages, sop } = demoCt02();
  return {
    annotations,
    sourceImages,
    sop,
    decisions: [
      { structureLabel: 'Right lung', method: { kind: 'accept', annotation: 'A' }, reasons: [], escalated: false },
      { structureLabel: 'Left lung', method: { kind: 'majority' }, reasons: [{ reason: 'boundaryDisagreement' }], escalated: true },
      { structureLabel: 'Lung nodule', method: { kind: 'staple' }, reasons: [{ reason: 'missedLesion' }, { reason: 'other', text: 'B left out the 4 mm nodule' }], escalated: true },
    ],
    checklist: [{ itemId: 'reference-justified', checked: true }],
    adjudicator: { name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Demo Hospital' },
    now: SIGNED_AT,
    ...change,
  };
}
