// Segmentations built from hand-placed boxes, and the real CT lung-nodule SOP, for the review tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCT } from '../codes/sct';
import type { CodeInit } from '../dicom/CodedConcept';
import { loadSop } from '../sop/loadSop';
import type { Sop } from '../sop/Sop';
import { BitMask } from '../volume/BitMask';
import type { Segmentation, SegmentVolume } from '../volume/Segmentation';
import type { VoxelGrid } from '../volume/VoxelGrid';

export { box, grid } from '../metrics/metrics.fixture';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));

/** platform-config/sops/ct-lung-nodule.json, loaded as the viewer loads it. */
export function ctLungNoduleSop(): Sop {
  return loadSop(readJson('ct-lung-nodule.json'), readJson('sop.schema.json') as object);
}

const LIVER: CodeInit = { value: '10200004', scheme: 'SCT', meaning: 'Liver' };
const HEART: CodeInit = { value: '80891009', scheme: 'SCT', meaning: 'Heart' };

/** The codes of the SOP's structures and of two organs it does not have. */
export const CODES = {
  rightLung: { category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right },
  leftLung: { category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Left },
  nodule: { category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule },
  liver: { category: SCT.AnatomicalStructure, type: LIVER },
  heart: { category: SCT.AnatomicalStructure, type: HEART },
} as const;

export function segment(number: number, label: string, mask: BitMask, codes: { category?: CodeInit; type?: CodeInit; typeModifier?: CodeInit } = {}): SegmentVolume {
  return { number, label, mask, ...codes };
}

export function segmentation(g: VoxelGrid, segments: SegmentVolume[]): Segmentation {
  return { grid: g, segments, source: {} };
}

/** The union of masks on one grid. */
export function union(...masks: BitMask[]): BitMask {
  const out = new BitMask(masks[0].grid);
  for (const mask of masks) for (let w = 0; w < out.words.length; w++) out.words[w] |= mask.words[w];
  return out;
}
