import { voxelCount, type VoxelGrid } from './VoxelGrid';

/** Bits set in a 32-bit word (SWAR popcount). */
export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A binary segmentation on a voxel grid as a bitset: bit n is voxel n (linear index, see VoxelGrid),
 * least significant bit first, as DICOM packs BINARY SEG frames (PS3.5 8.1.1). Counting and
 * overlap work 32 voxels at a time.
 */
export class BitMask {
  readonly words: Uint32Array;

  constructor(
    readonly grid: VoxelGrid,
    words?: Uint32Array,
  ) {
    const needed = Math.ceil(voxelCount(grid) / 32);
    if (words && words.length !== needed) throw new RangeError(`a BitMask of this grid needs ${needed} words, got ${words.length}`);
    this.words = words ?? new Uint32Array(needed);
  }

  get(index: number): boolean {
    return ((this.words[index >>> 5] >>> (index & 31)) & 1) === 1;
  }

  set(index: number): void {
    this.words[index >>> 5] |= 1 << (index & 31);
  }

  clear(index: number): void {
    this.words[index >>> 5] &= ~(1 << (index & 31));
  }

  /** Foreground voxels. */
  count(): number {
    let n = 0;
    const words = this.words;
    for (let w = 0; w < words.length; w++) if (words[w] !== 0) n += popcount32(words[w]);
    return n;
  }

  /** Voxels in both masks (same grid). */
  intersectionCount(other: BitMask): number {
    if (other.words.length !== this.words.length) throw new RangeError('masks on different grids');
    let n = 0;
    const a = this.words;
    const b = other.words;
    for (let w = 0; w < a.length; w++) {
      const both = a[w] & b[w];
      if (both !== 0) n += popcount32(both);
    }
    return n;
  }

  /** Linear indices of the foreground voxels, ascending. */
  indices(): Uint32Array {
    const out = new Uint32Array(this.count());
    let n = 0;
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      let word = words[w];
      while (word !== 0) {
        const low = word & -word;
        out[n++] = w * 32 + (31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out;
  }

  static fromPredicate(grid: VoxelGrid, inside: (i: number, j: number, k: number) => boolean): BitMask {
    const mask = new BitMask(grid);
    let index = 0;
    for (let k = 0; k < grid.slices; k++)
      for (let j = 0; j < grid.rows; j++)
        for (let i = 0; i < grid.columns; i++, index++) if (inside(i, j, k)) mask.set(index);
    return mask;
  }
}
