/**
 * The display region of an annotation (DisplayRegion): on the slice where the annotation has the
 * most voxels (the first such slice), the rectangle around its voxels there, as a closed outline
 * through pixel corners. An empty annotation is shown where the structure is: the same rule on the
 * union of the structure's annotations; where nobody drew anything, the whole middle slice.
 */
import type { BitMask } from '../volume/BitMask';
import type { DisplayRegionInit } from './DisplayRegion';

/** The source image of each grid slice (sliceImages[k]), null where the grid has no image. */
export type SliceImages = ReadonlyArray<{ sopClassUid: string; sopInstanceUid: string } | null>;

export function displayRegionOfMasks(own: BitMask, structure: readonly BitMask[], sliceImages: SliceImages): DisplayRegionInit | undefined {
  const { grid } = own;
  const pixels = grid.rows * grid.columns;
  const chosen = busiestSlice([own]) ?? busiestSlice(structure);
  const slice = chosen?.slice ?? Math.floor(grid.slices / 2);
  const image = sliceImages[slice];
  if (!image) return undefined;
  let [c0, r0, c1, r1] = [grid.columns, grid.rows, -1, -1];
  for (const mask of chosen?.masks ?? []) {
    for (const index of mask.indices()) {
      if (Math.floor(index / pixels) !== slice) continue;
      const within = index % pixels;
      const [column, row] = [within % grid.columns, Math.floor(within / grid.columns)];
      c0 = Math.min(c0, column);
      c1 = Math.max(c1, column);
      r0 = Math.min(r0, row);
      r1 = Math.max(r1, row);
    }
  }
  if (c1 < 0) [c0, r0, c1, r1] = [0, 0, grid.columns - 1, grid.rows - 1];
  // Pixel (c, r) covers [c, c+1] × [r, r+1] in SCOORD image coordinates (PS3.3 C.18.6.1.2).
  return { image: { ...image }, outline: [c0, r0, c1 + 1, r0, c1 + 1, r1 + 1, c0, r1 + 1, c0, r0] };
}

/** The slice with the most foreground voxels over `masks`, or undefined when all are empty. */
function busiestSlice(masks: readonly BitMask[]): { slice: number; masks: readonly BitMask[] } | undefined {
  if (masks.length === 0) return undefined;
  const { grid } = masks[0];
  const pixels = grid.rows * grid.columns;
  const counts = new Float64Array(grid.slices);
  for (const mask of masks) for (const index of mask.indices()) counts[Math.floor(index / pixels)]++;
  let best = -1;
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) best = k;
  return best < 0 ? undefined : { slice: best, masks };
}
