import { BitMask } from '../volume/BitMask';
import { boundingBox } from './boundingBox';
import { cropToPaddedBox, gridIndexOf, paddedBox, type PaddedBox } from './paddedBox';

const { clz32 } = Math;

/**
 * Surface voxels of a mask stored in `layout`: foreground voxels with at least one of their six
 * face neighbours in background (DESIGN.md; MedPy's `mask ^ binary_erosion(mask)` with the
 * 6-neighbourhood and background outside the image). 32 voxels per step: a voxel is interior
 * when it and its ±x (bit shifts), ±y (previous/next row) and ±z (previous/next slice)
 * neighbours are all set. Needs a margin of at least one voxel on every axis.
 */
export function surfaceWords(words: Uint32Array, layout: PaddedBox): Uint32Array {
  const { wordsPerRow, height, depth, margin } = layout;
  const out = new Uint32Array(layout.wordCount);
  const slice = height * wordsPerRow;
  const lastWord = wordsPerRow - 1;
  for (let z = margin[2]; z < depth - margin[2]; z++) {
    for (let y = margin[1]; y < height - margin[1]; y++) {
      const base = (z * height + y) * wordsPerRow;
      for (let t = 0; t <= lastWord; t++) {
        const n = base + t;
        const m = words[n];
        if (m === 0) continue;
        const previous = t > 0 ? words[n - 1] >>> 31 : 0;
        const next = t < lastWord ? words[n + 1] << 31 : 0;
        const interior =
          m & ((m << 1) | previous) & ((m >>> 1) | next) &
          words[n - wordsPerRow] & words[n + wordsPerRow] & words[n - slice] & words[n + slice];
        out[n] = m & ~interior;
      }
    }
  }
  return out;
}

/** The surface voxels of `mask` (see surfaceWords), as a mask on the same grid. */
export function surface(mask: BitMask): BitMask {
  const result = new BitMask(mask.grid);
  const box = boundingBox(mask);
  if (!box) return result;
  const layout = paddedBox(box, [1, 1, 1]);
  const shell = surfaceWords(cropToPaddedBox(mask, layout), layout);
  const { columns, rows } = mask.grid;
  for (let z = 0; z < layout.depth; z++) {
    for (let y = 0; y < layout.height; y++) {
      const base = (z * layout.height + y) * layout.wordsPerRow;
      for (let t = 0; t < layout.wordsPerRow; t++) {
        let word = shell[base + t];
        while (word !== 0) {
          const low = word & -word;
          result.set(gridIndexOf(layout, columns, rows, t * 32 + 31 - clz32(low), y, z));
          word ^= low;
        }
      }
    }
  }
  return result;
}
