import type { SurfaceDistances } from './surfaceDistances';

/**
 * Hausdorff distance (mm): the larger of the two directed maxima, max(max d_AB, max d_BA).
 * null when a surface is empty (undefined, never 0).
 */
export function hausdorff(distances: SurfaceDistances | null): number | null {
  if (!distances) return null;
  let max = 0;
  for (const list of [distances.aToB, distances.bToA]) for (let p = 0; p < list.length; p++) if (list[p] > max) max = list[p];
  return max;
}
