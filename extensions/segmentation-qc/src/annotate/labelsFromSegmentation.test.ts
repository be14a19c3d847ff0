import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BitMask, loadSop, type Segmentation } from '@segqc/core';
import { ctDisplaySet, PIXELS } from '../labelmap/labelmapBridge.fixture';
import { sourceImagesOfDisplaySet } from '../labelmap/sourceImagesOfDisplaySet';
import { labelsFromSegmentation } from './labelsFromSegmentation';

// "Continue from this": an earlier SEG becomes the labels of a new labelmap whose segments are the
// SOP's structures, each SEG segment on the structure it is (by code, then label), not by number.
const sops = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (file: string) => JSON.parse(readFileSync(join(sops, file), 'utf8')) as unknown;
const sop = loadSop(readJson('ct-lung-nodule.json'), readJson('sop.schema.json') as object);
const { grid } = sourceImagesOfDisplaySet(ctDisplaySet()).sourceGrid;
const lung = { value: '39607008', scheme: 'SCT', meaning: 'Lung' };

test('each segment goes to the SOP structure it matches; a segment matching none is reported, not written', () => {
  const segmentation: Segmentation = {
    grid,
    source: {},
    segments: [
      // numbered differently from the SOP, and labelled by another tool
      { number: 1, label: 'Nodule A', type: { value: '27925004', scheme: 'SCT', meaning: 'Nodule' }, category: { value: '49755003', scheme: 'SCT', meaning: 'x' }, mask: BitMask.fromPredicate(grid, (i, j, k) => k === 4 && i === 0 && j === 0) },
      { number: 2, label: 'L lung', type: lung, typeModifier: { value: '7771000', scheme: 'SCT', meaning: 'Left' }, mask: BitMask.fromPredicate(grid, (_i, j, k) => k === 2 && j === 1) },
      { number: 3, label: 'Liver', type: { value: '10200004', scheme: 'SCT', meaning: 'Liver' }, mask: BitMask.fromPredicate(grid, (_i, _j, k) => k === 0) },
    ],
  };
  const { labels, unmatched, firstPaintedSlice } = labelsFromSegmentation(segmentation, sop);
  expect(unmatched).toEqual(['Liver']);
  expect(firstPaintedSlice).toBe(2);
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, index) => label && byLabel.set(label, [...(byLabel.get(label) ?? []), index]));
  expect(byLabel).toEqual(new Map([
    [2, [0, 1, 2, 3, 4].map((i) => 2 * PIXELS + 5 + i)], // Left lung, structure 2
    [3, [4 * PIXELS]], // Lung nodule, structure 3
  ]));
});
