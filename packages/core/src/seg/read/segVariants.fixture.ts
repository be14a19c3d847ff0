// Test fixture: the fixture SEG of ../syntheticSource.fixture.ts in the shapes other writers
// produce — implicit VR, frames shuffled, functional groups per-frame instead of shared, FRACTIONAL,
// LABELMAP (8/16-bit, native and RLE Lossless) — written with dcmjs, plus the masks each must read
// back to on the grid of the source series (slices sorted along the normal, not in file order).
import dcmjs from 'dcmjs';
import type { NaturalDataset } from '../../dicom/NaturalDataset';
import { SOP_CLASS } from '../../dicom/sopClasses';
import { BitMask } from '../../volume/BitMask';
import { gridFromSourceImages } from '../../volume/sourceGrid';
import type { VoxelGrid } from '../../volume/VoxelGrid';
import { buildBinarySeg, type BinarySegInput } from '../buildBinarySeg';
import { packBinaryFrames } from '../packBinaryFrames';
import { fixtureInput, syntheticSeries, type SyntheticSeries } from '../syntheticSource.fixture';
import { unpackBinaryFrames } from '../unpackBinaryFrames';

// dcmjs logs "Invalid vr type xs/ox" (PixelPaddingValue, implicit VR Pixel Data) and writes them
// right; keep the test output for real failures.
(dcmjs as unknown as { log: { getLogger(name: string): { setLevel(level: string): void } } }).log.getLogger('validation.dcmjs').setLevel('silent');

export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const IMPLICIT_LE = '1.2.840.10008.1.2';
export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';

type Item = NaturalDataset;
const items = (item: Item, keyword: string): Item[] => item[keyword] as Item[];

/** A naturalized dataset as the bytes of a Part 10 file in `transferSyntax` (dcmjs writes sequences with undefined length). */
export function writeDataset(dataset: Item, transferSyntax = EXPLICIT_LE, fragmentMultiframe = false): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset['SOPClassUID'],
    MediaStorageSOPInstanceUID: dataset['SOPInstanceUID'],
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: '1.2.826.0.1.3680043.10.1475.1',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write({ fragmentMultiframe }));
}

export interface FixtureSeg {
  series: SyntheticSeries;
  input: BinarySegInput;
  dataset: Item;
  grid: VoxelGrid;
  sliceOrder: number[];
  /** Expected mask of each segment number on `grid`. */
  expected: Map<number, BitMask>;
}

/** The writer's fixture SEG as a dataset, with the masks it must read back to. */
export function fixtureSeg(options: Parameters<typeof syntheticSeries>[0] = {}): FixtureSeg {
  const series = syntheticSeries(options);
  const input = fixtureInput(series);
  const dataset = buildBinarySeg(input);
  const { grid, sliceOrder } = gridFromSourceImages(series.images);
  const expected = new Map(input.frames.map((frame) => [frame.segmentNumber, maskOnGrid(frame.mask, series, grid, sliceOrder)]));
  return { series, input, dataset, grid, sliceOrder, expected };
}

/** A mask in input-slice order (as the writer takes it) on the sorted grid. */
export function maskOnGrid(mask: ArrayLike<number>, series: SyntheticSeries, grid: VoxelGrid, sliceOrder: number[]): BitMask {
  const pixels = series.rows * series.columns;
  const out = new BitMask(grid);
  sliceOrder.forEach((slice, k) => {
    for (let p = 0; p < pixels; p++) if (mask[slice * pixels + p]) out.set(k * pixels + p);
  });
  return out;
}

/** Frames of a BINARY dataset as 0/1 bytes. */
export function binaryFrames(dataset: Item): Uint8Array[] {
  const pixelData = new Uint8Array((dataset['PixelData'] as ArrayBuffer[])[0]);
  return unpackBinaryFrames(pixelData, dataset['Rows'] as number, dataset['Columns'] as number, dataset['NumberOfFrames'] as number);
}

/** The BINARY dataset with frames (functional group items and pixels together) in `order`. */
export function shuffledFrames(dataset: Item, order: number[]): Item {
  const frames = binaryFrames(dataset);
  const perFrame = items(dataset, 'PerFrameFunctionalGroupsSequence');
  const pixels = (dataset['Rows'] as number) * (dataset['Columns'] as number);
  return {
    ...dataset,
    PerFrameFunctionalGroupsSequence: order.map((f) => perFrame[f]),
    PixelData: [packBinaryFrames(order.map((f) => frames[f]), pixels).buffer],
  };
}

/** Orientation and pixel measures moved from the shared item into every frame's item. */
export function perFrameGeometry(dataset: Item): Item {
  const shared = items(dataset, 'SharedFunctionalGroupsSequence')[0];
  return {
    ...dataset,
    SharedFunctionalGroupsSequence: [{}],
    PerFrameFunctionalGroupsSequence: items(dataset, 'PerFrameFunctionalGroupsSequence').map((group) => ({
      ...group,
      PlaneOrientationSequence: shared['PlaneOrientationSequence'],
      PixelMeasuresSequence: shared['PixelMeasuresSequence'],
    })),
  };
}

/** Only the frames of one segment, whose Segment Identification moves to the shared item. */
export function oneSegmentShared(dataset: Item, segmentNumber: number): Item {
  const frames = binaryFrames(dataset);
  const perFrame = items(dataset, 'PerFrameFunctionalGroupsSequence');
  const keep = perFrame.map((_, f) => f).filter((f) => items(perFrame[f], 'SegmentIdentificationSequence')[0]['ReferencedSegmentNumber'] === segmentNumber);
  const pixels = (dataset['Rows'] as number) * (dataset['Columns'] as number);
  const shared = items(dataset, 'SharedFunctionalGroupsSequence')[0];
  return {
    ...dataset,
    NumberOfFrames: keep.length,
    SharedFunctionalGroupsSequence: [{ ...shared, SegmentIdentificationSequence: [{ ReferencedSegmentNumber: segmentNumber }] }],
    PerFrameFunctionalGroupsSequence: keep.map((f) => {
      const { SegmentIdentificationSequence: _moved, ...rest } = perFrame[f];
      return rest;
    }),
    PixelData: [packBinaryFrames(keep.map((f) => frames[f]), pixels).buffer],
  };
}

/**
 * The BINARY dataset as FRACTIONAL: foreground pixels get `inside`, background `outside`
 * (of MaximumFractionalValue 255); `rle` gives one RLE-compressed frame per fragment.
 */
export function asFractional(dataset: Item, inside: number, outside: number): Item {
  const frames = binaryFrames(dataset).map((frame) => frame.map((v) => (v ? inside : outside)));
  return {
    ...dataset,
    _vrMap: { PixelData: 'OB' },
    SegmentationType: 'FRACTIONAL',
    SegmentationFractionalType: 'PROBABILITY',
    MaximumFractionalValue: 255,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelData: [concat(frames).buffer],
  };
}

/**
 * The fixture as a LABELMAP: one frame per source slice with any label, pixel value = segment
 * number (`renumber` maps fixture numbers to others, e.g. 3 → 300 for 16-bit), frames in input
 * slice order. `compress` gives RLE Lossless frames (one fragment each unless `fragmentMultiframe`).
 */
export function asLabelMap(fixture: FixtureSeg, bits: 8 | 16, renumber: Record<number, number> = {}, pixelPaddingValue?: number): { dataset: Item; frames: Uint8Array[] } {
  const { series, input, dataset } = fixture;
  const pixels = series.rows * series.columns;
  const number = (n: number): number => renumber[n] ?? n;
  const bytesPerPixel = bits / 8;
  const frames: Uint8Array[] = [];
  const perFrame: Item[] = [];
  for (let s = 0; s < series.slices; s++) {
    const frame = new Uint8Array(pixels * bytesPerPixel);
    if (pixelPaddingValue !== undefined) for (let p = 0; p < pixels; p++) writeSample(frame, p, bytesPerPixel, pixelPaddingValue);
    let any = false;
    for (const { segmentNumber, mask } of input.frames) {
      for (let p = 0; p < pixels; p++) {
        if (mask[s * pixels + p]) {
          writeSample(frame, p, bytesPerPixel, number(segmentNumber));
          any = true;
        }
      }
    }
    if (!any) continue;
    frames.push(frame);
    perFrame.push({ PlanePositionSequence: [{ ImagePositionPatient: [...series.images[s].ImagePositionPatient] }] });
  }
  const labelMap: Item = {
    ...dataset,
    _vrMap: { PixelData: bits === 8 ? 'OB' : 'OW' },
    SOPClassUID: SOP_CLASS.LabelMapSegmentationStorage,
    SegmentationType: 'LABELMAP',
    SegmentSequence: items(dataset, 'SegmentSequence').map((segment) => ({ ...segment, SegmentNumber: number(segment['SegmentNumber'] as number) })),
    BitsAllocated: bits,
    BitsStored: bits,
    HighBit: bits - 1,
    NumberOfFrames: frames.length,
    PerFrameFunctionalGroupsSequence: perFrame,
    PixelData: [concat(frames).buffer],
  };
  delete labelMap['DimensionIndexSequence'];
  delete labelMap['DimensionOrganizationSequence'];
  if (pixelPaddingValue !== undefined) labelMap['PixelPaddingValue'] = pixelPaddingValue;
  return { dataset: labelMap, frames };
}

/** Pixel data as one RLE Lossless frame per array entry (for dcmjs's encapsulated writing). */
export function withRleFrames(dataset: Item, frames: Uint8Array[], bytesPerPixel: 1 | 2): Item {
  return { ...dataset, PixelData: frames.map((frame) => encodeRleFrame(frame, bytesPerPixel).buffer) };
}

/** RLE Lossless (PS3.5 Annex G) of one frame of little-endian samples, for tests. */
export function encodeRleFrame(frame: Uint8Array, bytesPerPixel: 1 | 2): Uint8Array {
  const pixels = frame.length / bytesPerPixel;
  const segments: Uint8Array[] = [];
  for (let s = 0; s < bytesPerPixel; s++) {
    const plane = new Uint8Array(pixels);
    for (let p = 0; p < pixels; p++) plane[p] = frame[p * bytesPerPixel + (bytesPerPixel - 1 - s)];
    const packed = packBits(plane);
    segments.push(packed.length % 2 ? concat([packed, new Uint8Array([0x80])]) : packed);
  }
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, bytesPerPixel, true);
  let offset = 64;
  segments.forEach((segment, s) => {
    view.setUint32(4 + 4 * s, offset, true);
    offset += segment.length;
  });
  return concat([header, ...segments]);
}

/** PackBits: runs of 3+ equal bytes as replicate runs (≤ 128), the rest as literal runs (≤ 128). */
export function packBits(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
    if (run >= 3) {
      out.push(257 - run, data[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(i + 2 < data.length && data[i] === data[i + 1] && data[i] === data[i + 2])) i++;
    out.push(i - start - 1, ...data.subarray(start, i));
  }
  return Uint8Array.from(out);
}

function writeSample(frame: Uint8Array, p: number, bytesPerPixel: number, value: number): void {
  frame[p * bytesPerPixel] = value & 0xff;
  if (bytesPerPixel === 2) frame[p * bytesPerPixel + 1] = value >> 8;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Bits set in `a` but not in `b`, and in `b` but not in `a`. */
export function maskDifference(a: BitMask, b: BitMask): number {
  let n = 0;
  for (let w = 0; w < a.words.length; w++) {
    let x = (a.words[w] ^ b.words[w]) >>> 0;
    while (x) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}
