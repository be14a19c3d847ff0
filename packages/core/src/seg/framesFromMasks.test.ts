// framesFromMasks cuts label masks into packed frames, skipping background a word at a time and
// setting four pixels at once inside a structure (issue 16). Known answers against a plain
// per-pixel reading, for masks of every array type, with and without labels, and overlap.
import { describeSourceGeometry } from './sourceGeometry';
import { framesFromMasks, type SegmentMask } from './framesFromMasks';
import type { SegmentDescription } from './SegmentDescription';
import { syntheticSeries } from './syntheticSource.fixture';

// 12 columns × 2 rows: a frame of 24 pixels is 6 words of uint8 samples, 3 bytes packed.
const series = syntheticSeries({ name: 'frames-from-masks', rows: 2, columns: 12, slices: 3 });
const geometry = describeSourceGeometry(series.images);
const PIXELS = 24;
// framesFromMasks reads only the segment numbers of the descriptions.
const segments = (...numbers: number[]) => numbers.map((segmentNumber) => ({ segmentNumber }) as SegmentDescription);

/** Slice s of the volume: label 2 on pixels 4..11 (two whole words) and 13, label 5 on 14..15, nothing on slice 1. */
function labelVolume(): number[] {
  const values = new Array<number>(PIXELS * 3).fill(0);
  for (const s of [0, 2]) {
    for (let i = 4; i < 12; i++) values[s * PIXELS + i] = 2;
    values[s * PIXELS + 13] = 2;
    values[s * PIXELS + 14] = 5;
    values[s * PIXELS + 15] = 5;
  }
  return values;
}

/** The packed frame a per-pixel reading gives. */
function expectedBits(values: number[], slice: number, inside: (value: number) => boolean): number[] {
  const bits = [0, 0, 0];
  for (let i = 0; i < PIXELS; i++) if (inside(values[slice * PIXELS + i])) bits[i >>> 3] |= 1 << (i & 7);
  return bits;
}

const frameSummary = (frames: ReturnType<typeof framesFromMasks>['frames']) => frames.map((f) => [f.segmentNumber, f.slice, Array.from(f.bits)]);

test.each([Uint8Array, Uint16Array, Int16Array, Uint32Array, Int32Array])('a shared %p label volume: one frame per segment and non-empty slice, bit for bit', (Type) => {
  const values = labelVolume();
  const labels = Type.from(values);
  const masks: SegmentMask[] = [{ segmentNumber: 1, mask: labels, label: 2 }, { segmentNumber: 2, mask: labels, label: 5 }];
  const { frames, overlap } = framesFromMasks(masks, segments(1, 2), geometry, 3);
  // Slices in sortedSlices order (the fixture's slices are stored head first: 2 before 0).
  const slices = geometry.sortedSlices.filter((s) => s !== 1);
  expect(frameSummary(frames)).toEqual([
    ...slices.map((s) => [1, s, expectedBits(values, s, (v) => v === 2)]),
    ...slices.map((s) => [2, s, expectedBits(values, s, (v) => v === 5)]),
  ]);
  expect(overlap).toBe(false);
});

test('a binary mask (no label: non-zero is foreground) seen from an odd offset, and overlap with it', () => {
  const values = labelVolume();
  const shifted = new Uint8Array(values.length + 1);
  shifted.set(values, 1);
  const unaligned = shifted.subarray(1);
  const { frames, overlap } = framesFromMasks([{ segmentNumber: 1, mask: unaligned }, { segmentNumber: 2, mask: Uint8Array.from(values), label: 5 }], segments(1, 2), geometry, 3);
  expect(frames.filter((f) => f.segmentNumber === 1).map((f) => Array.from(f.bits))).toEqual(geometry.sortedSlices.filter((s) => s !== 1).map((s) => expectedBits(values, s, (v) => v !== 0)));
  expect(overlap).toBe(true);
});

test('an overlap found inside a structure (four pixels at once) is an overlap', () => {
  const values = labelVolume();
  const labels = Uint8Array.from(values);
  // Only the two whole words of label 2 (pixels 4..11), which are set four at a time.
  const copy = Uint8Array.from(values, (v, n) => (v === 2 && n % PIXELS < 12 ? 2 : 0));
  expect(framesFromMasks([{ segmentNumber: 1, mask: labels, label: 2 }, { segmentNumber: 2, mask: copy, label: 2 }], segments(1, 2), geometry, 3).overlap).toBe(true);
});
