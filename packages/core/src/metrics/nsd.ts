import { MetricInputError } from './MetricInputError';
import type { SurfaceDistances } from './surfaceDistances';

/**
 * Normalised surface distance (surface Dice) at tolerance τ mm: the share of both surfaces lying
 * within τ of the other, (#{d_AB ≤ τ} + #{d_BA ≤ τ}) / (|S_A| + |S_B|). null when a surface is empty.
 */
export function nsd(distances: SurfaceDistances | null, toleranceMm: number): number | null {
  if (!(Number.isFinite(toleranceMm) && toleranceMm >= 0)) {
    throw new MetricInputError('toleranceMm', `a tolerance is a non-negative number of mm, got ${toleranceMm}`);
  }
  if (!distances) return null;
  let within = 0;
  for (const list of [distances.aToB, distances.bToA]) for (let p = 0; p < list.length; p++) if (list[p] <= toleranceMm) within++;
  return within / (distances.aToB.length + distances.bToA.length);
}
