import type { BitMask } from '../volume/BitMask';

const { clz32, floor } = Math;

/** A box of voxels, grid indices, bounds inclusive. */
export interface VoxelBox {
  iMin: number;
  jMin: number;
  kMin: number;
  iMax: number;
  jMax: number;
  kMax: number;
}

/**
 * The smallest box holding every foreground voxel of `a` (and of `b`, when given: their union),
 * or null when there is none. Visits set words only: first and last bit of each word give its
 * extent in one step, except for the rare word that straddles a row end, done bit by bit.
 */
export function boundingBox(a: BitMask, b?: BitMask): VoxelBox | null {
  const { columns, rows } = a.grid;
  const wa = a.words;
  const wb = b?.words;
  let iMin = Infinity, jMin = Infinity, kMin = Infinity;
  let iMax = -1, jMax = -1, kMax = -1;
  const include = (index: number): void => {
    const row = floor(index / columns);
    const i = index - row * columns;
    const k = floor(row / rows);
    const j = row - k * rows;
    if (i < iMin) iMin = i;
    if (i > iMax) iMax = i;
    if (j < jMin) jMin = j;
    if (j > jMax) jMax = j;
    if (k < kMin) kMin = k;
    if (k > kMax) kMax = k;
  };
  let currentRow = -1; // the row of the last word seen: j and k change only when it does
  for (let w = 0; w < wa.length; w++) {
    let word = wb ? wa[w] | wb[w] : wa[w];
    if (word === 0) continue;
    const first = w * 32 + 31 - clz32(word & -word);
    const last = w * 32 + 31 - clz32(word);
    const row = floor(first / columns);
    const rowStart = row * columns;
    if (last < rowStart + columns) {
      if (first - rowStart < iMin) iMin = first - rowStart;
      if (last - rowStart > iMax) iMax = last - rowStart;
      if (row !== currentRow) {
        include(first);
        currentRow = row;
      }
    } else {
      while (word !== 0) {
        const low = word & -word;
        include(w * 32 + 31 - clz32(low));
        word ^= low;
      }
    }
  }
  return iMax < 0 ? null : { iMin, jMin, kMin, iMax, jMax, kMax };
}
