import type { BitMask } from '../volume/BitMask';

const { clz32, floor } = Math;

/**
 * A mask as row runs: run n covers voxels start[n]..end[n] (inclusive) of grid row row[n]
 * (row = j + rows·k), in raster order. Far fewer runs than voxels, and what connected
 * components and lesion overlaps need.
 */
export interface MaskRuns {
  length: number;
  row: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/** Row runs of `mask`, found word by word (runs of set bits, cut at row ends). */
export function maskRuns(mask: BitMask): MaskRuns {
  const { columns } = mask.grid;
  const words = mask.words;
  let capacity = 1024;
  let row = new Int32Array(capacity);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let length = 0;
  const push = (first: number, last: number): void => {
    // A linear run may cross row ends: one run per row.
    for (let from = first; from <= last; ) {
      const r = floor(from / columns);
      const to = Math.min(last, (r + 1) * columns - 1);
      if (length === capacity) {
        capacity *= 2;
        row = grow(row, capacity);
        start = grow(start, capacity);
        end = grow(end, capacity);
      }
      row[length] = r;
      start[length] = from - r * columns;
      end[length++] = to - r * columns;
      from = to + 1;
    }
  };
  const lowest = (x: number): number => 31 - clz32(x & -x); // index of the lowest set bit (x ≠ 0)
  let open = -1; // first voxel of a run still running at the end of the previous word, or −1
  for (let w = 0; w < words.length; w++) {
    let word = words[w] | 0;
    const base = w * 32;
    if (open >= 0) {
      if (word === -1) continue;
      const stop = lowest(~word); // first clear bit ends the open run
      push(open, base + stop - 1);
      open = -1;
      word &= -1 << stop;
    }
    while (word !== 0) {
      const first = lowest(word);
      // Clear bits at or above `first`, as ones: the lowest one is where the run stops.
      const gaps = ~(word | ((1 << first) - 1));
      if (gaps === 0) {
        open = base + first;
        break;
      }
      const stop = lowest(gaps);
      push(base + first, base + stop - 1);
      word &= -1 << stop;
    }
  }
  if (open >= 0) push(open, words.length * 32 - 1);
  return { length, row: row.subarray(0, length), start: start.subarray(0, length), end: end.subarray(0, length) };
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
