// The reader is where every annotation enters the agreement engine: a voxel placed on the wrong
// slice, or dropped, silently changes every Dice and Hausdorff distance downstream. These tests
// write SEGs from known masks (our writer, then reshaped the ways other writers shape them) and
// require the reader to give back exactly those masks on the source grid.
import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { writePart10 } from '../../dicom/part10';
import { SCT } from '../../codes/sct';
import { BitMask } from '../../volume/BitMask';
import { GeometryMismatchError } from '../../volume/GeometryMismatchError';
import { gridFromSourceImages } from '../../volume/sourceGrid';
import { readSegmentation } from './readSegmentation';
import { readSegHeader } from './readSegHeader';
import { readSourceImages } from './readSourceImages';
import { SegParseError } from './SegParseError';
import {
  asFractional, asLabelMap, fixtureSeg, IMPLICIT_LE, maskOnGrid, oneSegmentShared, perFrameGeometry, RLE_LOSSLESS, shuffledFrames,
  withRleFrames, writeDataset, type FixtureSeg,
} from './segVariants.fixture';

const wordsOf = (mask: BitMask): number[] => Array.from(mask.words);
const ones = (mask: ArrayLike<number>): number => Array.from(mask).filter((v) => v !== 0).length;

function expectMasks(fixture: FixtureSeg, bytes: Uint8Array, numbers = [1, 2, 3]): void {
  const seg = readSegmentation(bytes, fixture.series.images);
  expect(seg.segments.map((s) => s.number)).toEqual(numbers);
  for (const segment of seg.segments) {
    const fixtureNumber = segment.number === 300 ? 3 : segment.number;
    expect(wordsOf(segment.mask)).toEqual(wordsOf(fixture.expected.get(fixtureNumber)!));
  }
}

describe('readSegmentation: BINARY SEGs written by buildBinarySeg', () => {
  const fixture = fixtureSeg();
  const bytes = writePart10(fixture.dataset);

  it('reads back the exact masks, on the grid sorted along the normal', () => {
    const seg = readSegmentation(bytes, fixture.series.images);
    expect(seg.grid).toEqual(fixture.grid);
    // The ball (radius 6 mm) and the box of the writer's fixture; segment 3 is empty.
    expect(seg.segments.map((s) => s.mask.count())).toEqual([
      ones(fixture.input.frames[0].mask),
      ones(fixture.input.frames[1].mask),
      0,
    ]);
    expect(seg.segments[0].mask.count()).toBeGreaterThan(100);
    expectMasks(fixture, bytes);
  });

  it('places slice k of the grid at origin + k × spacing along the normal (head-first files, ascending grid)', () => {
    // The fixture's images are written head first (z = 40, 38, …); the grid runs upwards from z = 18.
    expect(fixture.grid.origin[2]).toBeCloseTo(40 - 2 * 11, 9);
    expect(fixture.grid.sliceDirection).toEqual([0, 0, 1]);
    expect(fixture.sliceOrder).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('carries segment numbers, labels, codes and the creator', () => {
    const seg = readSegmentation(bytes, fixture.series.images);
    expect(seg.segments.map(({ number, label }) => ({ number, label }))).toEqual([
      { number: 1, label: 'Right lung' },
      { number: 2, label: 'Lung nodule' },
      { number: 3, label: 'Lesion' },
    ]);
    expect(seg.segments[1].category).toEqual({ value: SCT.MorphologicallyAbnormalStructure.value, scheme: 'SCT', meaning: SCT.MorphologicallyAbnormalStructure.meaning });
    expect(seg.segments[1].type).toEqual({ value: SCT.Nodule.value, scheme: 'SCT', meaning: SCT.Nodule.meaning });
    // The laterality of "Right lung", nested in its type code item (PS3.3 Table C.8.20-4).
    expect(seg.segments[0].typeModifier).toEqual({ value: SCT.Right.value, scheme: 'SCT', meaning: SCT.Right.meaning });
    expect(seg.segments[1].typeModifier).toBeUndefined();
    expect(seg.source).toEqual({
      creatorName: 'Rivera^Ana',
      contentDate: '20240301',
      sopInstanceUID: fixture.input.sopInstanceUID,
      seriesInstanceUID: fixture.input.seriesInstanceUID,
    });
  });

  it('reads the same onto a VoxelGrid as onto the source images', () => {
    const seg = readSegmentation(bytes, fixture.grid);
    expect(seg.segments.map((s) => wordsOf(s.mask))).toEqual([1, 2, 3].map((n) => wordsOf(fixture.expected.get(n)!)));
  });

  it('reads the same from Implicit VR Little Endian', () => {
    expectMasks(fixture, writeDataset(fixture.dataset, IMPLICIT_LE));
  });

  it('reads the same whatever the frame order (frames are placed by position, not order)', () => {
    const frames = fixture.dataset['NumberOfFrames'] as number;
    for (const order of [[...Array(frames).keys()].reverse(), [3, 0, 6, 1, 5, 2, 4]]) {
      expectMasks(fixture, writePart10(shuffledFrames(fixture.dataset, order)));
    }
  });

  it('reads the same with orientation and pixel measures per frame instead of shared', () => {
    expectMasks(fixture, writePart10(perFrameGeometry(fixture.dataset)));
  });

  it('reads a SEG whose Segment Identification is shared by all frames', () => {
    const seg = readSegmentation(writePart10(oneSegmentShared(fixture.dataset, 2)), fixture.series.images);
    expect(wordsOf(seg.segments[1].mask)).toEqual(wordsOf(fixture.expected.get(2)!));
    expect(seg.segments[0].mask.count()).toBe(0);
  });

  it('reads frames packed across byte boundaries (7×5 = 35 pixels per frame)', () => {
    const odd = fixtureSeg({ name: 'odd', rows: 7, columns: 5, slices: 12, spacing: [3, 3] });
    expect(odd.expected.get(1)!.count()).toBeGreaterThan(0);
    expectMasks(odd, writePart10(odd.dataset));
    expectMasks(odd, writePart10(shuffledFrames(odd.dataset, [...Array(odd.dataset['NumberOfFrames'] as number).keys()].reverse())));
  });

  it('reads frames of a multiple of 32 pixels (16×16) through the word-wise path', () => {
    const aligned = fixtureSeg({ name: 'aligned', rows: 16, columns: 16, slices: 12, spacing: [1.5, 1.5] });
    expect(aligned.expected.get(1)!.count()).toBeGreaterThan(0);
    expectMasks(aligned, writePart10(aligned.dataset));
  });

  it('gives the header without decoding pixels', () => {
    const header = readSegHeader(bytes);
    expect(header).toMatchObject({
      segmentationType: 'BINARY', rows: 24, columns: 20, numberOfFrames: 7, bitsAllocated: 1,
      contentLabel: 'ANNOTATION', contentCreatorName: 'Rivera^Ana', segmentsOverlap: 'NO',
      referencedSeriesInstanceUIDs: [fixture.series.images[0].SeriesInstanceUID],
      frameOfReferenceUID: fixture.series.images[0].FrameOfReferenceUID,
    });
    expect(header.segments.map((s) => s.number)).toEqual([1, 2, 3]);
  });
});

describe('readSegmentation: FRACTIONAL', () => {
  const fixture = fixtureSeg();

  it('thresholds at 0.5 × MaximumFractionalValue by default (value ≥ 127.5 of 255)', () => {
    expectMasks(fixture, writePart10(asFractional(fixture.dataset, 128, 127)));
  });

  it('takes another threshold on request: 0.4 × 255 = 102 takes 110 as foreground', () => {
    const bytes = writePart10(asFractional(fixture.dataset, 200, 110));
    const pixels = fixture.series.rows * fixture.series.columns;
    const seg = readSegmentation(bytes, fixture.series.images, { fractionalThreshold: 0.4 });
    // Every pixel of every frame: 5 frames of the ball, 2 of the box.
    expect(seg.segments.map((s) => s.mask.count())).toEqual([5 * pixels, 2 * pixels, 0]);
    expect(() => readSegmentation(bytes, fixture.series.images, { fractionalThreshold: 0 })).toThrow(RangeError);
  });

  it('reads RLE Lossless FRACTIONAL frames', () => {
    const fractional = asFractional(fixture.dataset, 255, 0);
    const pixels = fixture.series.rows * fixture.series.columns;
    const raw = new Uint8Array((fractional['PixelData'] as ArrayBuffer[])[0]);
    const frames = Array.from({ length: fractional['NumberOfFrames'] as number }, (_, f) => raw.slice(f * pixels, (f + 1) * pixels));
    expectMasks(fixture, writeDataset(withRleFrames(fractional, frames, 1), RLE_LOSSLESS));
  });
});

describe('readSegmentation: LABELMAP (Label Map Segmentation Storage, Supplement 243)', () => {
  const fixture = fixtureSeg();

  it('reads 8-bit native label maps: pixel values are segment numbers, 0 is background', () => {
    const { dataset } = asLabelMap(fixture, 8);
    expectMasks(fixture, writePart10(dataset));
    expect(readSegHeader(writePart10(dataset)).segmentationType).toBe('LABELMAP');
  });

  it('reads 16-bit label maps with segment numbers above 255', () => {
    const { dataset } = asLabelMap(fixture, 16, { 3: 300, 2: 258 });
    const seg = readSegmentation(writePart10(dataset), fixture.series.images);
    expect(seg.segments.map((s) => s.number)).toEqual([1, 258, 300]);
    expect(wordsOf(seg.segments[1].mask)).toEqual(wordsOf(fixture.expected.get(2)!));
    expect(wordsOf(seg.segments[0].mask)).toEqual(wordsOf(fixture.expected.get(1)!));
  });

  it.each([8, 16] as const)('reads %i-bit RLE Lossless label maps, one fragment per frame', (bits) => {
    const { dataset, frames } = asLabelMap(fixture, bits);
    expectMasks(fixture, writeDataset(withRleFrames(dataset, frames, bits === 8 ? 1 : 2), RLE_LOSSLESS));
  });

  it('reads Implicit VR label maps', () => {
    expectMasks(fixture, writeDataset(asLabelMap(fixture, 16).dataset, IMPLICIT_LE));
  });

  it('treats the PixelPaddingValue as background', () => {
    const { dataset } = asLabelMap(fixture, 8, {}, 9);
    expectMasks(fixture, writePart10(dataset));
  });

  it('refuses a label that no segment declares, naming the frame and pixel', () => {
    const { dataset } = asLabelMap(fixture, 8, {}, 9);
    delete dataset['PixelPaddingValue'];
    expect(() => readSegmentation(writePart10(dataset), fixture.series.images)).toThrow(/PixelData: frame 1, row 0, column 0 has label 9/);
  });
});

describe('readSegmentation: geometry errors name the frame', () => {
  const fixture = fixtureSeg();
  const at = (dataset: typeof fixture.dataset, f: number): Record<string, unknown> =>
    ((dataset['PerFrameFunctionalGroupsSequence'] as Record<string, unknown>[])[f]['PlanePositionSequence'] as Record<string, unknown>[])[0];
  const moved = (f: number, shift: number[]): Uint8Array => {
    const dataset = structuredClone(fixture.dataset);
    const item = at(dataset, f);
    item['ImagePositionPatient'] = (item['ImagePositionPatient'] as number[]).map((v, a) => v + shift[a]);
    return writePart10(dataset);
  };
  const error = (bytes: Uint8Array, target: Parameters<typeof readSegmentation>[1] = fixture.series.images): GeometryMismatchError => {
    try {
      readSegmentation(bytes, target);
    } catch (e) {
      if (e instanceof GeometryMismatchError) return e;
      throw e;
    }
    throw new Error('no GeometryMismatchError');
  };

  it('a frame shifted half a pixel within its plane', () => {
    const e = error(moved(3, [0.35, 0, 0]));
    expect(e.frame).toBe(4);
    expect(e.attributePath).toBe('PerFrameFunctionalGroupsSequence[3].PlanePositionSequence[0].ImagePositionPatient');
    expect(e.message).toMatch(/0\.35 mm along the rows/);
  });

  it('a frame between two slices', () => {
    const e = error(moved(0, [0, 0, 1]));
    expect(e.frame).toBe(1);
    expect(e.reason).toMatch(/between slices/);
  });

  it('a frame one slice beyond the grid', () => {
    // Frame 7 is the box's upper slice (z = 26); 5 slices down is z = 16, below the grid's z = 18.
    const e = error(moved(6, [0, 0, -10]));
    expect(e.frame).toBe(7);
    expect(e.reason).toMatch(/outside the grid's slices 0…11/);
  });

  it('accepts positions rounded as DS strings round them (1e-4 mm)', () => {
    expect(() => readSegmentation(moved(2, [1e-4, -1e-4, 1e-4]), fixture.series.images)).not.toThrow();
  });

  it('another orientation, pixel spacing, Frame of Reference or matrix size', () => {
    const rotated = structuredClone(fixture.dataset);
    const shared = (rotated['SharedFunctionalGroupsSequence'] as Record<string, unknown>[])[0];
    (shared['PlaneOrientationSequence'] as Record<string, unknown>[])[0]['ImageOrientationPatient'] = [0, 1, 0, 1, 0, 0];
    expect(error(writePart10(rotated))).toMatchObject({ frame: 1, attributePath: 'SharedFunctionalGroupsSequence[0].PlaneOrientationSequence[0].ImageOrientationPatient' });

    const coarse = structuredClone(fixture.dataset);
    ((coarse['SharedFunctionalGroupsSequence'] as Record<string, unknown>[])[0]['PixelMeasuresSequence'] as Record<string, unknown>[])[0]['PixelSpacing'] = [0.8, 0.75];
    expect(error(writePart10(coarse))).toMatchObject({ frame: 1, attributePath: 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].PixelSpacing' });

    expect(error(writePart10({ ...fixture.dataset, FrameOfReferenceUID: '1.2.3.4' }))).toMatchObject({ attributePath: 'FrameOfReferenceUID' });

    const other = fixtureSeg({ name: 'other', rows: 16 });
    expect(error(writePart10(other.dataset), fixture.series.images).attributePath).toBe('Rows');
  });
});

describe('readSegmentation: typed errors before allocation', () => {
  const fixture = fixtureSeg();
  const read = (dataset: Record<string, unknown>): (() => unknown) => () => readSegmentation(writePart10(dataset), fixture.series.images);

  it.each([
    ['an unknown SOP class', { SOPClassUID: '1.2.840.10008.5.1.4.1.1.2' }, /SOPClassUID: 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2 is not a Segmentation/],
    ['a segment number 0 in a BINARY SEG', { SegmentSequence: [{ ...(fixture.dataset['SegmentSequence'] as object[])[0], SegmentNumber: 0 }] }, /SegmentSequence\[0\]\.SegmentNumber: must be an integer from 1/],
    ['more frames than functional group items', { NumberOfFrames: 8 }, /PerFrameFunctionalGroupsSequence: has 7 items, but NumberOfFrames is 8/],
    ['no ReferencedSeriesSequence', { ReferencedSeriesSequence: undefined }, /ReferencedSeriesSequence: is required/],
    ['a frame of an undeclared segment', { SegmentSequence: (fixture.dataset['SegmentSequence'] as object[]).slice(0, 1) }, /ReferencedSegmentNumber: 2 is not the SegmentNumber/],
    ['a SegmentationType the SOP class does not allow', { SegmentationType: 'LABELMAP' }, /SegmentationType: "LABELMAP" is not allowed/],
    ['Pixel Data too short for Rows×Columns×NumberOfFrames', { Rows: 240 }, /PixelData: has 420 bytes; 7 frames of 240×20 1-bit pixels need 4200/],
    ['Rows×Columns×NumberOfFrames beyond any Pixel Data', { Rows: 512, Columns: 512, NumberOfFrames: 2147483647 }, /NumberOfFrames: 2147483647 frames of 512×512 1-bit pixels \(562949953159168 bits\) exceed/],
    ['a frame of 65535×65535 pixels', { Rows: 65535, Columns: 65535 }, /Rows: 65535×65535 pixels per frame is more than SegQC reads/],
    ['NumberOfFrames beyond 2^31', { NumberOfFrames: 99999999999 }, /NumberOfFrames: must be an integer from 1 to 2147483647/],
  ])('%s', (_, change, message) => {
    const dataset: Record<string, unknown> = { ...fixture.dataset, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete dataset[k];
    expect(read(dataset)).toThrow(SegParseError);
    expect(read(dataset)).toThrow(message);
  });

  it('refuses a result larger than maxOutputBytes before allocating it', () => {
    const bytes = writePart10(fixture.dataset);
    // 3 masks of 5760 voxels = 3 × 720 bytes.
    expect(() => readSegmentation(bytes, fixture.series.images, { maxOutputBytes: 2159 })).toThrow(/need 2160 bytes of masks, more than the 2159 allowed/);
    expect(() => readSegmentation(bytes, fixture.series.images, { maxOutputBytes: 2160 })).not.toThrow();
  });

  it('refuses an unsupported transfer syntax', () => {
    const bytes = writeDataset(fixture.dataset, '1.2.840.10008.1.2.4.80');
    expect(() => readSegmentation(bytes, fixture.series.images)).toThrow(/TransferSyntaxUID: 1\.2\.840\.10008\.1\.2\.4\.80 is not supported/);
  });
});

describe('readSegmentation: a demo cohort case', () => {
  it('reads every annotator SEG of ct-01 to the manifest’s exact voxel counts', () => {
    const files = [...generateDemoFiles({ cases: ['ct-01'] })];
    const images = readSourceImages(files.filter((f) => f.path.includes('/ct/')).map((f) => f.bytes));
    const { grid } = gridFromSourceImages(images);
    expect([grid.columns, grid.rows, grid.slices]).toEqual([256, 256, 100]);
    const manifest = demoManifest({ cases: ['ct-01'] }).cases[0];
    const segs = files.filter((f) => f.path.includes('/seg/'));
    expect(segs.length).toBe(manifest.segs.length);
    for (const file of segs) {
      const seg = readSegmentation(file.bytes, grid);
      const entry = manifest.segs.find((s) => file.path.endsWith(`/${s.annotator.key}.dcm`))!;
      expect(seg.segments.map((s) => [s.number, s.mask.count()])).toEqual(entry.segments.map((s) => [s.number, s.voxelCount]));
    }
  });
});

describe('maskOnGrid (fixture sanity)', () => {
  it('maps input slice s to grid slice 11 − s', () => {
    const { series, grid, sliceOrder } = fixtureSeg();
    const mask = new Uint8Array(series.rows * series.columns * series.slices);
    mask[0] = 1; // slice 0 of the input, the most superior
    expect(maskOnGrid(mask, series, grid, sliceOrder).indices()).toEqual(Uint32Array.from([11 * series.rows * series.columns]));
  });
});
