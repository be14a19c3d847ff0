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

/**
 * The SEG with one segment painted on every other slice only, as a reader who skips slices leaves
 * it: every second frame of that segment is dropped (BINARY frames whose bit count is a whole
 * number of bytes, as the demo's 256×256 frames are).
 */
export function withEveryOtherSlice(dataset: NaturalDataset, segmentLabel: string): NaturalDataset {
  const segment = (dataset.SegmentSequence as NaturalDataset[]).find((item) => item.SegmentLabel === segmentLabel)!.SegmentNumber;
  const frameBytes = ((dataset.Rows as number) * (dataset.Columns as number)) / 8;
  if (!Number.isInteger(frameBytes)) throw new Error('withEveryOtherSlice needs byte-aligned BINARY frames');
  const frames = dataset.PerFrameFunctionalGroupsSequence as NaturalDataset[];
  const pixels = new Uint8Array((dataset.PixelData as ArrayBuffer[])[0]!);
  let seen = 0;
  const kept = frames.flatMap((frame, n) => {
    const of = ((frame.SegmentIdentificationSequence as NaturalDataset[])[0]!.ReferencedSegmentNumber as number) === segment;
    return of && seen++ % 2 === 1 ? [] : [n];
  });
  const packed = new Uint8Array(kept.length * frameBytes);
  kept.forEach((n, k) => packed.set(pixels.subarray(n * frameBytes, (n + 1) * frameBytes), k * frameBytes));
  return { ...dataset, NumberOfFrames: kept.length, PerFrameFunctionalGroupsSequence: kept.map((n) => frames[n]!), PixelData: [packed.buffer] };
}

const TISSUE = { CodeValue: '85756007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Tissue' };

/** The SEG with one segment as OHIF's export leaves a segment nobody renamed: OHIF's default label "Segment 1", coded only as Tissue. */
export function withDefaultOhifSegment(dataset: NaturalDataset, segmentLabel: string): NaturalDataset {
  return {
    ...dataset,
    SegmentSequence: (dataset.SegmentSequence as NaturalDataset[]).map((segment) => {
      if (segment.SegmentLabel !== segmentLabel) return segment;
      const { SegmentedPropertyTypeModifierCodeSequence: _modifier, ...rest } = segment;
      return { ...rest, SegmentLabel: 'Segment 1', SegmentedPropertyCategoryCodeSequence: [TISSUE], SegmentedPropertyTypeCodeSequence: [TISSUE] };
    }),
  };
}
