// SEGs written by other tools (tests/data/interop, or $SEGQC_INTEROP_DIR) must read onto their
// source grid exactly: dcmqi's against the NRRD label volumes they were made from (read here with
// a few lines of node:zlib, independently of the reader under test and of our NRRD reader), the
// highdicom ones against their frames decoded by dcmjs and placed by an exact match of
// ImagePositionPatient with a source image — a second, independent path to the same voxels.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import { readPart10 } from '../../dicom/readPart10';
import { BitMask } from '../../volume/BitMask';
import { GeometryMismatchError } from '../../volume/GeometryMismatchError';
import { gridFromSourceImages } from '../../volume/sourceGrid';
import type { VoxelGrid } from '../../volume/VoxelGrid';
import type { SourceImage } from '../SourceImage';
import { unpackBinaryFrames } from '../unpackBinaryFrames';
import { readSegmentation } from './readSegmentation';
import { readSegHeader } from './readSegHeader';
import { readSourceImages } from './readSourceImages';
import { INTEROP_DIR } from '../../../../../tests/harness/interopCorpus';

// The corpus is in the repository (tests/data/interop): missing, these tests fail rather than skip (issue 14).
const present = existsSync(INTEROP_DIR);
test('the interop corpus is present', () => {
  expect(present ? INTEROP_DIR : `${INTEROP_DIR} is missing (tests/data/interop, or SEGQC_INTEROP_DIR)`).toBe(INTEROP_DIR);
});

const file = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(join(INTEROP_DIR, ...parts)));
const series = (...parts: string[]): SourceImage[] => {
  const dir = join(INTEROP_DIR, ...parts);
  return readSourceImages(readdirSync(dir).filter((name) => !name.startsWith('LICENSE')).sort().map((name) => new Uint8Array(readFileSync(join(dir, name)))));
};
const words = (mask: BitMask): number[] => Array.from(mask.words);

/** A gzip-encoded NRRD of `type: short` in an LPS or RAS space: its grid and labels in file order. */
function readTestNrrd(bytes: Uint8Array): { grid: VoxelGrid; labels: Int16Array } {
  const text = Buffer.from(bytes).toString('latin1');
  const end = text.indexOf('\n\n');
  const field = (name: string): string => new RegExp(`^${name}: (.*)$`, 'm').exec(text.slice(0, end))![1];
  expect(field('type')).toBe('short');
  expect(field('encoding')).toBe('gzip');
  const vectors = (value: string): number[][] => [...value.matchAll(/\(([^)]*)\)/g)].map((m) => m[1].split(',').map(Number));
  const sign = /^(right-anterior-superior|RAS)$/i.test(field('space')) ? [-1, -1, 1] : [1, 1, 1];
  const [columns, rows, slices] = field('sizes').split(' ').map(Number);
  const directions = vectors(field('space directions')).map((d) => d.map((v, a) => v * sign[a]));
  const origin = vectors(field('space origin'))[0].map((v, a) => v * sign[a]) as [number, number, number];
  const lengths = directions.map((d) => Math.hypot(...d));
  const raw = gunzipSync(bytes.subarray(end + 2));
  const grid: VoxelGrid = {
    columns, rows, slices, origin,
    spacing: lengths as [number, number, number],
    rowDirection: directions[0].map((v) => v / lengths[0]) as [number, number, number],
    columnDirection: directions[1].map((v) => v / lengths[1]) as [number, number, number],
    sliceDirection: directions[2].map((v) => v / lengths[2]) as [number, number, number],
  };
  return { grid, labels: new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2) };
}

/**
 * The voxels of `nrrd` whose label is `value`, carried to `grid` through patient coordinates
 * (voxel centre → LPS → index on `grid`); every one must land on a voxel of `grid`.
 */
function nrrdMaskOn(grid: VoxelGrid, nrrd: { grid: VoxelGrid; labels: Int16Array }, value: number, into = new BitMask(grid)): BitMask {
  const g = nrrd.grid;
  const axes = [g.rowDirection, g.columnDirection, g.sliceDirection];
  const target = [grid.rowDirection, grid.columnDirection, grid.sliceDirection];
  const offGrid: number[][] = [];
  nrrd.labels.forEach((label, index) => {
    if (label !== value) return;
    const n = [index % g.columns, Math.floor(index / g.columns) % g.rows, Math.floor(index / (g.columns * g.rows))];
    const point = [0, 1, 2].map((a) => g.origin[a] + n[0] * g.spacing[0] * axes[0][a] + n[1] * g.spacing[1] * axes[1][a] + n[2] * g.spacing[2] * axes[2][a]);
    const d = point.map((v, a) => v - grid.origin[a]);
    // Axis-aligned grids in this corpus: the index along each axis is the projection over the spacing.
    const ijk = target.map((axis, t) => (d[0] * axis[0] + d[1] * axis[1] + d[2] * axis[2]) / grid.spacing[t]);
    const at = ijk.map(Math.round);
    const inside = at[0] >= 0 && at[0] < grid.columns && at[1] >= 0 && at[1] < grid.rows && at[2] >= 0 && at[2] < grid.slices;
    if (!inside || ijk.some((v, t) => Math.abs(v - at[t]) > 0.01)) offGrid.push(ijk);
    else into.set(at[0] + grid.columns * (at[1] + grid.rows * at[2]));
  });
  expect(offGrid.slice(0, 3)).toEqual([]);
  return into;
}

/** Each segment's voxels from dcmjs-decoded frames placed where a source image has the frame's exact IPP. */
function independentlyDecoded(segBytes: Uint8Array, images: SourceImage[], grid: VoxelGrid, sliceOrder: number[], threshold?: number): Map<number, BitMask> {
  // dcmjs logs "Invalid vr type ox" for highdicom's implicit VR Pixel Data, and reads it right.
  type Logger = { getLevel(): number; setLevel(level: string | number): void };
  const log = (dcmjs as unknown as { log: Logger & { getLogger(name: string): Logger } }).log.getLogger('validation.dcmjs');
  const level = log.getLevel();
  log.setLevel('silent');
  const seg = readPart10(segBytes).dataset as Record<string, unknown>;
  log.setLevel(level);
  const rows = seg['Rows'] as number;
  const columns = seg['Columns'] as number;
  const frames = seg['NumberOfFrames'] as number;
  const pixelData = new Uint8Array((seg['PixelData'] as ArrayBuffer[])[0]);
  const pixels = rows * columns;
  const decoded = threshold === undefined
    ? unpackBinaryFrames(pixelData, rows, columns, frames)
    : Array.from({ length: frames }, (_, f) => pixelData.slice(f * pixels, (f + 1) * pixels).map((v) => (v >= threshold ? 1 : 0)));
  const masks = new Map<number, BitMask>();
  (seg['PerFrameFunctionalGroupsSequence'] as Record<string, Record<string, unknown>[]>[]).forEach((group, f) => {
    const number = group['SegmentIdentificationSequence'][0]['ReferencedSegmentNumber'] as number;
    const ipp = group['PlanePositionSequence'][0]['ImagePositionPatient'] as number[];
    const image = images.findIndex((i) => i.ImagePositionPatient.every((v, a) => Math.abs(v - ipp[a]) < 1e-9));
    expect(image).toBeGreaterThanOrEqual(0);
    const k = sliceOrder.indexOf(image);
    const mask = masks.get(number) ?? new BitMask(grid);
    masks.set(number, mask);
    decoded[f].forEach((v, p) => v && mask.set(k * pixels + p));
  });
  return masks;
}

describe('interop: dcmqi SEGs equal their NRRD ground truth voxel for voxel', () => {
  const ct3 = present ? series('dcmqi', 'ct-3slice') : [];

  it('liver.dcm (1 segment, 512×512×3) on ct-3slice', () => {
    const seg = readSegmentation(file('dcmqi', 'liver.dcm'), ct3);
    expect(seg.segments.map((s) => s.number)).toEqual([1]);
    const truth = nrrdMaskOn(seg.grid, readTestNrrd(file('dcmqi', 'liver_seg.nrrd')), 1);
    expect(truth.count()).toBe(107098);
    expect(words(seg.segments[0].mask)).toEqual(words(truth));
  });

  it('partial_overlaps.dcm (5 overlapping segments from Slicer) on ct-3slice', () => {
    const seg = readSegmentation(file('dcmqi', 'partial_overlaps.dcm'), ct3);
    expect(seg.segments.map((s) => [s.number, s.label])).toEqual([[1, 'GREEN'], [2, 'ORANGE'], [3, 'PURPLE'], [4, 'LIGHT_BLUE'], [5, 'DARK_BLUE']]);
    expect(seg.source.creatorName).toBe('Slicer');
    // Label n of the three label files is segment n (files 1: labels 1, 4, 5; 2: label 2; 3: label 3).
    const nrrds = [1, 2, 3].map((n) => readTestNrrd(file('dcmqi', `partial_overlaps-${n}.nrrd`)));
    for (const segment of seg.segments) {
      const truth = new BitMask(seg.grid);
      nrrds.forEach((nrrd) => nrrdMaskOn(seg.grid, nrrd, segment.number, truth));
      expect([segment.number, words(segment.mask)]).toEqual([segment.number, words(truth)]);
    }
    expect(seg.segments.map((s) => s.mask.count())).toEqual([9602, 11888, 10743, 6693, 4713]);
    // They overlap: PURPLE's first slice meets GREEN's.
    expect(seg.segments[0].mask.intersectionCount(seg.segments[2].mask)).toBeGreaterThan(0);
  });

  it('23x38x3/seg/label.seg (23×38: frames packed across byte boundaries) on 23x38x3/image', () => {
    const seg = readSegmentation(file('dcmqi', '23x38x3', 'seg', 'label.seg'), series('dcmqi', '23x38x3', 'image'));
    const truth = nrrdMaskOn(seg.grid, readTestNrrd(file('dcmqi', '23x38x3', 'nrrd', 'label.nrrd')), 1);
    expect(truth.count()).toBe(322);
    expect(words(seg.segments[0].mask)).toEqual(words(truth));
  });

  it.each(['noppv', 'ppv5'])('sparse-labelmap-%s.dcm (LABELMAP, 2 of 3 slices) on the grid of its NRRD', (name) => {
    // The source series is not in the corpus: the ground truth's own grid stands in for it.
    const nrrd = readTestNrrd(file('dcmqi', `sparse_labelmap_${name}_seg.nrrd`));
    const bytes = file('dcmqi', `sparse-labelmap-${name}.dcm`);
    expect(readSegHeader(bytes)).toMatchObject({ segmentationType: 'LABELMAP', numberOfFrames: 2, bitsAllocated: 8 });
    const seg = readSegmentation(bytes, nrrd.grid);
    // Segment 0 ("Background") is not returned; the middle slice, absent from the SEG, is empty
    // (dcmqi fills it with the PixelPaddingValue 5 in the NRRD of ppv5).
    expect(seg.segments.map((s) => [s.number, s.label, s.type?.meaning])).toEqual([[1, 'Liver', 'Liver']]);
    const truth = nrrdMaskOn(seg.grid, nrrd, 1);
    expect(truth.count()).toBe(630);
    expect(words(seg.segments[0].mask)).toEqual(words(truth));
  });
});

describe('interop: highdicom SEGs land on the pydicom-CT2 grid', () => {
  const images = present ? series('pydicom-CT2') : [];

  it('pydicom-CT2 is a regular 1.25 mm stack with a missing run of slices: strict grids refuse it, allowGaps fills it', () => {
    expect(() => gridFromSourceImages(images)).toThrow(GeometryMismatchError);
    const { grid, sliceOrder } = gridFromSourceImages(images, { allowGaps: true });
    // z = -99.48, then 103.02, 104.27, 105.52: (105.52 + 99.48) / 1.25 = 164 steps.
    expect(grid.slices).toBe(165);
    expect(grid.spacing[2]).toBeCloseTo(1.25, 5);
    expect(sliceOrder.filter((n) => n >= 0).length).toBe(4);
  });

  const { grid, sliceOrder } = present ? gridFromSourceImages(images, { allowGaps: true }) : { grid: undefined!, sliceOrder: [] };

  it.each([
    ['seg_image_ct_binary.dcm', [1], undefined],
    ['seg_image_ct_binary_overlap.dcm', [1, 2], undefined],
    ['seg_image_ct_binary_fractional.dcm', [1], 128],
    ['seg_image_ct_true_fractional.dcm', [1], 128],
  ] as const)('%s (Implicit VR) equals its frames decoded independently', (name, numbers, threshold) => {
    const bytes = file('highdicom', name);
    const seg = readSegmentation(bytes, images, { allowGaps: true });
    expect(seg.grid).toEqual(grid);
    expect(seg.segments.map((s) => s.number)).toEqual(numbers);
    const expected = independentlyDecoded(bytes, images, grid, sliceOrder, threshold);
    for (const segment of seg.segments) expect(words(segment.mask)).toEqual(words(expected.get(segment.number)!));
    expect(seg.segments.every((s) => s.mask.count() > 0)).toBe(true);
  });

  it('the true FRACTIONAL SEG holds 128 and 64 of 255: the default threshold keeps 128, 0.25 also keeps 64', () => {
    const bytes = file('highdicom', 'seg_image_ct_true_fractional.dcm');
    const half = readSegmentation(bytes, images, { allowGaps: true }).segments[0].mask.count();
    const quarter = readSegmentation(bytes, images, { allowGaps: true, fractionalThreshold: 0.25 }).segments[0].mask.count();
    const expectedQuarter = independentlyDecoded(bytes, images, grid, sliceOrder, 64).get(1)!.count();
    expect(quarter).toBe(expectedQuarter);
    expect(quarter).toBeGreaterThan(half);
  });

  it('seg_image_ct_binary_single_frame.dcm on its own source, ct_image.dcm', () => {
    const source = readSourceImages([file('highdicom', 'ct_image.dcm')]);
    const seg = readSegmentation(file('highdicom', 'seg_image_ct_binary_single_frame.dcm'), source);
    expect([seg.grid.columns, seg.grid.rows, seg.grid.slices]).toEqual([128, 128, 1]);
    const { sliceOrder: order } = gridFromSourceImages(source);
    const expected = independentlyDecoded(file('highdicom', 'seg_image_ct_binary_single_frame.dcm'), source, seg.grid, order);
    expect(words(seg.segments[0].mask)).toEqual(words(expected.get(1)!));
    expect(seg.segments[0].mask.count()).toBeGreaterThan(0);
  });

  it('refuses a highdicom SEG on another series (another Frame of Reference)', () => {
    const source = readSourceImages([file('highdicom', 'ct_image.dcm')]);
    expect(() => readSegmentation(file('highdicom', 'seg_image_ct_binary.dcm'), source)).toThrow(GeometryMismatchError);
  });
});
