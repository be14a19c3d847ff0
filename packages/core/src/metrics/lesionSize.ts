/**
 * The smallest component that is a lesion (issue 14). A SOP structure gives it as
 * `minLesionSize` (sop/Sop.ts SopLesionSize): the diameter of the sphere of the component's volume
 * (equivalent-sphere diameter, d = (6V/π)^⅓, V = voxels × voxel volume in mm³ from the grid
 * spacing) or the volume itself. A smaller component is neither a lesion (lesion counts, matching,
 * F1) nor a discrepancy region. Without a minimum every component is a lesion.
 */
import { voxelVolumeMl, type VoxelGrid } from '../volume/VoxelGrid';
import { MetricInputError } from './MetricInputError';

/** Exactly one of the two, as SopLesionSize. */
export interface LesionSize {
  /** Equivalent-sphere diameter, mm. */
  readonly diameterMm?: number;
  readonly volumeMm3?: number;
}

/** Relative slack so a component of exactly the minimum (up to floating-point rounding) is a lesion. */
const SLACK = 1e-9;

/** The volume (mm³) of a sphere of diameter `diameterMm`. */
export function sphereVolumeMm3(diameterMm: number): number {
  return (Math.PI / 6) * diameterMm ** 3;
}

/** The diameter (mm) of the sphere of volume `volumeMm3`. */
export function equivalentDiameterMm(volumeMm3: number): number {
  return Math.cbrt((6 * volumeMm3) / Math.PI);
}

/** The minimum as a volume in mm³; 0 without one. Throws MetricInputError (input `path`) unless it is exactly one non-negative finite number. */
export function minLesionVolumeMm3(size: LesionSize | null | undefined, path = 'minLesionSize'): number {
  if (size === null || size === undefined) return 0;
  const { diameterMm, volumeMm3 } = size;
  if ((diameterMm === undefined) === (volumeMm3 === undefined)) throw new MetricInputError(path, 'give the diameter (diameterMm) or the volume (volumeMm3), one of the two');
  const value = diameterMm ?? volumeMm3!;
  if (!(Number.isFinite(value) && value >= 0)) throw new MetricInputError(`${path}.${diameterMm !== undefined ? 'diameterMm' : 'volumeMm3'}`, `must be a non-negative number, got ${value}`);
  return diameterMm !== undefined ? sphereVolumeMm3(diameterMm) : volumeMm3!;
}

/** The fewest voxels of `grid` a lesion has: 1 without a minimum (every component). */
export function minLesionVoxels(size: LesionSize | null | undefined, grid: VoxelGrid): number {
  const volume = minLesionVolumeMm3(size);
  if (volume === 0) return 1;
  return Math.max(1, Math.ceil((volume / (voxelVolumeMl(grid) * 1000)) * (1 - SLACK)));
}

/** The minimum in a reviewer's words, "3 mm across" or "14.1 mm³"; null without one. */
export function lesionSizeText(size: LesionSize | null | undefined): string | null {
  if (minLesionVolumeMm3(size) === 0) return null;
  return size!.diameterMm !== undefined ? `${size!.diameterMm} mm across` : `${size!.volumeMm3} mm³`;
}

/** The rule as the conventions state it. */
export function lesionSizeRule(size: LesionSize | null | undefined): string {
  const volume = minLesionVolumeMm3(size);
  if (volume === 0) return 'no minimum: every component is a lesion';
  const bound = size!.diameterMm !== undefined ? `equivalent-sphere diameter (6V/π)^(1/3) ≥ ${size!.diameterMm} mm` : `volume ≥ ${size!.volumeMm3} mm³`;
  return `a component is a lesion when its ${bound} (V = voxels × voxel volume from the spacing); smaller components are neither lesions nor discrepancy regions`;
}
