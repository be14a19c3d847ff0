/**
 * The frames of a BINARY SEG from per-segment masks on the source grid: one frame per non-empty
 * (segment, slice), by segment number then by position along the slice normal. Also tells whether
 * any voxel belongs to two segments (Segments Overlap, PS3.3 C.8.20.2).
 */
import type { SegmentDescription } from './SegmentDescription';
import { SegValueError } from './SegValueError';
import type { SourceGeometry } from './sourceGeometry';

/** A segment's voxels on the source grid: `rows*columns*slices`, slices in `sourceImages` order. */
export interface SegmentMask {
  segmentNumber: number;
  /** Foreground where the value is non-zero, or equals `label` when given (a shared label volume). */
  mask: Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array;
  label?: number;
}

export interface SegFrame {
  segmentNumber: number;
  /** Index into sourceImages. */
  slice: number;
  /** rows × columns pixels, 1 bit each as PS3.5 8.1.1 packs them: pixel i is bit i mod 8 of byte ⌊i / 8⌋. */
  bits: Uint8Array;
}

/** Validates the masks against the segments and the grid, and cuts them into frames. */
export function framesFromMasks(
  masks: readonly SegmentMask[],
  segments: readonly SegmentDescription[],
  geometry: SourceGeometry,
  sliceCount: number,
): { frames: SegFrame[]; overlap: boolean } {
  const pixelsPerFrame = geometry.rows * geometry.columns;
  const expectedLength = pixelsPerFrame * sliceCount;
  if (!Array.isArray(masks)) throw new SegValueError('frames', 'must be an array of {segmentNumber, mask}');
  const maskBySegment = new Map<number, SegmentMask>();
  masks.forEach((entry, i) => {
    if (!segments.some((segment) => segment.segmentNumber === entry.segmentNumber)) {
      throw new SegValueError(`frames[${i}].segmentNumber`, `${entry.segmentNumber} is not a segment in SegmentSequence`);
    }
    if (maskBySegment.has(entry.segmentNumber)) throw new SegValueError(`frames[${i}].segmentNumber`, `segment ${entry.segmentNumber} has two masks`);
    if (!ArrayBuffer.isView(entry.mask) || entry.mask.length !== expectedLength) {
      throw new SegValueError(
        `frames[${i}].mask`,
        `has ${entry.mask?.length ?? 'no'} voxels; Rows×Columns×slices = ${geometry.rows}×${geometry.columns}×${sliceCount} = ${expectedLength}`,
      );
    }
    maskBySegment.set(entry.segmentNumber, entry);
  });
  segments.forEach((segment, i) => {
    if (!maskBySegment.has(segment.segmentNumber)) throw new SegValueError(`SegmentSequence[${i}]`, `segment ${segment.segmentNumber} has no mask in frames`);
  });

  const frameBytes = Math.ceil(pixelsPerFrame / 8);
  // One bit per voxel: set once a segment has it, so that a second segment tells of overlap.
  const covered = new Uint32Array(Math.ceil(expectedLength / 32));
  let overlap = false;
  const frames: SegFrame[] = [];
  for (const segment of segments) {
    const { mask, label } = maskBySegment.get(segment.segmentNumber)!;
    // (A label of 0 would make background the segment: then no word may be skipped.)
    const background = label === 0 ? undefined : backgroundWords(mask, pixelsPerFrame);
    const perWord = 4 / mask.BYTES_PER_ELEMENT;
    const wordShift = perWord >>> 1; // log2 of 1, 2, 4 samples per word
    // Four uint8 samples all of the segment's label: a word inside the structure.
    const inside = perWord === 4 && label !== undefined && label > 0 && label < 256 ? Math.imul(label, 0x01010101) >>> 0 : -1;
    for (const slice of geometry.sortedSlices) {
      const offset = slice * pixelsPerFrame;
      let bits: Uint8Array | undefined;
      for (let i = 0; i < pixelsPerFrame; ) {
        if (background !== undefined) {
          // Most of a mask is background: skipped a word at a time; inside a structure, four
          // pixels are set at once (i and offset are multiples of 4 here: no byte or word is crossed).
          const word = background[(offset + i) >>> wordShift];
          if (word === 0) {
            i += perWord;
            continue;
          }
          if (word === inside) {
            const v = offset + i;
            bits ??= new Uint8Array(frameBytes);
            bits[i >>> 3] |= 15 << (i & 7);
            if ((covered[v >>> 5] >>> (v & 31)) & 15) overlap = true;
            covered[v >>> 5] |= 15 << (v & 31);
            i += 4;
            continue;
          }
          // Inside another segment's structure (four uint8 samples of one other value): nothing here.
          if (inside !== -1 && word === Math.imul(word & 0xff, 0x01010101) >>> 0) {
            i += 4;
            continue;
          }
        }
        for (const end = background === undefined ? pixelsPerFrame : i + perWord; i < end; i++) {
          const value = mask[offset + i];
          if (label === undefined ? value === 0 : value !== label) continue;
          const v = offset + i;
          bits ??= new Uint8Array(frameBytes);
          bits[i >>> 3] |= 1 << (i & 7);
          if ((covered[v >>> 5] >>> (v & 31)) & 1) overlap = true;
          covered[v >>> 5] |= 1 << (v & 31);
        }
      }
      if (bits) frames.push({ segmentNumber: segment.segmentNumber, slice, bits });
    }
  }
  if (frames.length === 0) {
    frames.push({ segmentNumber: segments[0].segmentNumber, slice: geometry.sortedSlices[0], bits: new Uint8Array(frameBytes) });
  }
  return { frames, overlap };
}

/**
 * `mask` as 32-bit words, to test a word's worth of samples for background at once; undefined
 * when the mask is not 4-byte aligned or a frame does not fill whole words.
 */
function backgroundWords(mask: SegmentMask['mask'], pixelsPerFrame: number): Uint32Array | undefined {
  const perWord = 4 / mask.BYTES_PER_ELEMENT;
  if (mask.byteOffset % 4 !== 0 || pixelsPerFrame % perWord !== 0) return undefined;
  return new Uint32Array(mask.buffer, mask.byteOffset, mask.length / perWord);
}
