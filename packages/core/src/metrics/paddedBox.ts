import type { BitMask } from '../volume/BitMask';
import type { VoxelBox } from './boundingBox';

const { ceil } = Math;

/**
 * The working layout of the surface kernels: a box of the grid, grown by a margin of background
 * on every side, stored as a bitset whose rows start on a word. Word-aligned rows make the six
 * face neighbours of 32 voxels one shift or one row away; the margin (at least one voxel, as far
 * as the nearest-surface search reaches) removes every bounds check from the hot loops. Voxels
 * outside the image land in the margin and are background, as the conventions require.
 *
 * Stored voxel (x, y, z) is grid voxel (i0 + x, j0 + y, k0 + z): word (z·height + y)·wordsPerRow
 * + ⌊x/32⌋, bit x mod 32.
 */
export interface PaddedBox {
  i0: number;
  j0: number;
  k0: number;
  /** Stored voxels per row, rows per slice, slices: the box plus the margin on both sides. */
  width: number;
  height: number;
  depth: number;
  /** Margin per axis, in voxels. */
  margin: readonly [number, number, number];
  wordsPerRow: number;
  wordCount: number;
}

export function paddedBox(box: VoxelBox, margin: readonly [number, number, number]): PaddedBox {
  const width = box.iMax - box.iMin + 1 + 2 * margin[0];
  const height = box.jMax - box.jMin + 1 + 2 * margin[1];
  const depth = box.kMax - box.kMin + 1 + 2 * margin[2];
  const wordsPerRow = ceil(width / 32);
  return {
    i0: box.iMin - margin[0], j0: box.jMin - margin[1], k0: box.kMin - margin[2],
    width, height, depth, margin, wordsPerRow, wordCount: wordsPerRow * height * depth,
  };
}

/**
 * The voxels of `mask` inside `layout`'s box, copied into its word-aligned rows 32 at a time.
 * Only the box is copied; the margin stays background (the box must hold every voxel that
 * matters: callers build it from the masks' bounding box).
 */
export function cropToPaddedBox(mask: BitMask, layout: PaddedBox): Uint32Array {
  const { columns, rows } = mask.grid;
  const src = mask.words;
  const out = new Uint32Array(layout.wordCount);
  const { wordsPerRow, height, margin } = layout;
  const boxWidth = layout.width - 2 * margin[0];
  // Which bits of each stored word belong to the box (the rest is margin).
  const keep = new Uint32Array(wordsPerRow);
  for (let t = 0; t < wordsPerRow; t++) {
    const from = Math.max(margin[0], 32 * t);
    const to = Math.min(margin[0] + boxWidth, 32 * t + 32);
    for (let x = from; x < to; x++) keep[t] |= 1 << (x & 31);
  }
  const read32 = (bit: number): number => {
    const shift = bit & 31;
    const w = (bit - shift) / 32;
    const low = w >= 0 && w < src.length ? src[w] : 0;
    if (shift === 0) return low;
    const high = w + 1 >= 0 && w + 1 < src.length ? src[w + 1] : 0;
    return (low >>> shift) | (high << (32 - shift));
  };
  for (let z = margin[2]; z < layout.depth - margin[2]; z++) {
    for (let y = margin[1]; y < height - margin[1]; y++) {
      const rowStart = (layout.j0 + y + rows * (layout.k0 + z)) * columns + layout.i0;
      const base = (z * height + y) * wordsPerRow;
      for (let t = 0; t < wordsPerRow; t++) {
        if (keep[t] === 0) continue;
        out[base + t] = read32(rowStart + 32 * t) & keep[t];
      }
    }
  }
  return out;
}

/** Sets stored bits [from, to] (inclusive) of the row starting at word `rowBase`. */
export function setBitRange(words: Uint32Array, rowBase: number, from: number, to: number): void {
  for (let x = from; x <= to; ) {
    const t = x >>> 5;
    const lastInWord = Math.min(to, t * 32 + 31);
    const count = lastInWord - x + 1;
    const bits = count === 32 ? 0xffffffff : ((1 << count) - 1) << (x & 31);
    words[rowBase + t] |= bits;
    x = lastInWord + 1;
  }
}

/** Grid linear index of stored voxel (x, y, z). */
export function gridIndexOf(layout: PaddedBox, columns: number, rows: number, x: number, y: number, z: number): number {
  return layout.i0 + x + columns * (layout.j0 + y + rows * (layout.k0 + z));
}

