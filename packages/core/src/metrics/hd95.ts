import { percentileInPlace } from './percentile';
import type { SurfaceDistances } from './surfaceDistances';

/**
 * How HD95 combines the two directions:
 * - `pooled` (the SegQC default, MedPy's `hd95`): the 95th percentile of d_AB and d_BA together;
 * - `directed-max` (MONAI's `compute_hausdorff_distance(percentile=95)`): the larger of the 95th
 *   percentile of d_AB and that of d_BA.
 * Both use numpy's linear interpolation. They differ when the surfaces differ in size.
 */
export type Hd95Variant = 'pooled' | 'directed-max';

export const HD95_VARIANTS: readonly Hd95Variant[] = ['pooled', 'directed-max'];

/** 95th-percentile Hausdorff distance (mm); null when a surface is empty. */
export function hd95(distances: SurfaceDistances | null, variant: Hd95Variant = 'pooled'): number | null {
  if (!distances) return null;
  const { aToB, bToA } = distances;
  if (variant === 'directed-max') {
    return Math.max(percentileInPlace(aToB.slice(), 95), percentileInPlace(bToA.slice(), 95));
  }
  const pooled = new Float64Array(aToB.length + bToA.length);
  pooled.set(aToB);
  pooled.set(bToA, aToB.length);
  return percentileInPlace(pooled, 95);
}
