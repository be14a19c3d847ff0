import type { SurfaceDistances } from './surfaceDistances';

/**
 * Average symmetric surface distance (mm): the mean of d_AB and d_BA pooled, i.e. weighted by the
 * surface sizes (Σd_AB + Σd_BA) / (|S_A| + |S_B|). null when a surface is empty.
 */
export function assd(distances: SurfaceDistances | null): number | null {
  if (!distances) return null;
  let sum = 0;
  for (const list of [distances.aToB, distances.bToA]) for (let p = 0; p < list.length; p++) sum += list[p];
  return sum / (distances.aToB.length + distances.bToA.length);
}
