// The working layout: cropping copies exactly the box's voxels into word-aligned rows, whatever
// the alignment of grid rows and box; setBitRange fills ranges across word boundaries.
import { BitMask } from '../volume/BitMask';
import { boundingBox } from './boundingBox';
import { cropToPaddedBox, gridIndexOf, paddedBox, setBitRange } from './paddedBox';
import { grid, seededRandom } from './metrics.fixture';

test('crop → read back gives the mask’s voxels, with margins of 1 and of 9 voxels', () => {
  const random = seededRandom(5);
  const g = grid(45, 7, 6);
  const mask = BitMask.fromPredicate(g, (i, j, k) => i > 3 && i < 41 && j > 0 && k < 5 && random() < 0.5);
  for (const margin of [[1, 1, 1], [9, 2, 3]] as [number, number, number][]) {
    const layout = paddedBox(boundingBox(mask)!, margin);
    const words = cropToPaddedBox(mask, layout);
    const back: number[] = [];
    for (let z = 0; z < layout.depth; z++)
      for (let y = 0; y < layout.height; y++)
        for (let x = 0; x < layout.width; x++) {
          const w = (z * layout.height + y) * layout.wordsPerRow + (x >>> 5);
          if ((words[w] >>> (x & 31)) & 1) back.push(gridIndexOf(layout, g.columns, g.rows, x, y, z));
        }
    expect(back).toEqual(Array.from(mask.indices()));
  }
});

test('setBitRange fills [from, to] across words and nothing else', () => {
  const words = new Uint32Array(3);
  setBitRange(words, 0, 30, 64);
  expect(Array.from(words)).toEqual([0xc0000000, 0xffffffff, 0x1]);
  const one = new Uint32Array(2);
  setBitRange(one, 1, 31, 31);
  expect(Array.from(one)).toEqual([0, 0x80000000]);
});
