import type { NaturalDataset } from '@segqc/core';
import { segCopy } from './segCopy';

/**
 * A SEG as OHIF 3.13's own "Export → DICOM SEG" leaves a reader's work (issue 13): no creator (no
 * ContentCreatorName, no login), ContentLabel SEGMENTATION, an empty ContentDescription, and the
 * series description the user typed — made from another SEG's masks, so its agreement is known.
 */
export function ohifStyleSeg(from: Uint8Array, name: string, seriesDescription: string, change: (dataset: NaturalDataset) => NaturalDataset = (d) => d) {
  return segCopy(from, `ohif-style/${name}`, (dataset) => {
    const { ContentCreatorName: _name, ContentCreatorIdentificationCodeSequence: _login, ...rest } = dataset;
    return change({ ...rest, ContentLabel: 'SEGMENTATION', ContentDescription: '', SeriesDescription: seriesDescription });
  });
}

/** OHIF's SliceThickness: the gap between the frames the reader painted, whatever the source's. */
export function withSliceThickness(dataset: NaturalDataset, thickness: number): NaturalDataset {
  const [shared] = dataset.SharedFunctionalGroupsSequence as NaturalDataset[];
  const [measures] = shared!.PixelMeasuresSequence as NaturalDataset[];
  return { ...dataset, SharedFunctionalGroupsSequence: [{ ...shared, PixelMeasuresSequence: [{ ...measures, SliceThickness: thickness }] }] };
}
