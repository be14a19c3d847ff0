import type { BitMask } from '../volume/BitMask';
import { assd } from './assd';
import { boundingBox } from './boundingBox';
import { countBits } from './countBits';
import { diceFromCounts } from './dice';
import { hausdorff } from './hausdorff';
import { hd95, HD95_VARIANTS, type Hd95Variant } from './hd95';
import { jaccardFromCounts } from './jaccard';
import { MetricInputError } from './MetricInputError';
import { neighbourOffsets } from './neighbourOffsets';
import { nsd } from './nsd';
import { overlapCounts } from './overlapCounts';
import { cropToPaddedBox, paddedBox } from './paddedBox';
import { surfaceDistancesInBox, type SurfaceDistances, type SurfaceSearchOptions } from './surfaceDistances';
import { surfaceWords } from './surface';
import { volumeMl } from './volume';

export interface CompareMasksOptions extends SurfaceSearchOptions {
  /** NSD tolerances in mm (default [1, 2]). */
  tolerancesMm?: readonly number[];
  /** HD95 variant (default 'pooled', see Hd95Variant). */
  hd95?: Hd95Variant;
  /** false: overlap metrics and volumes only, no surface work (distance fields are null). */
  distances?: boolean;
}

export interface MaskSummary {
  voxels: number;
  volumeMl: number;
  /** Surface voxels (6-neighbourhood); null when distances were not asked for. */
  surfaceVoxels: number | null;
}

/** Agreement of two masks of one structure. Distances are in mm, null when undefined. */
export interface MaskAgreement {
  a: MaskSummary;
  b: MaskSummary;
  /** Voxels in both. */
  overlapVoxels: number;
  /** volume(B) − volume(A), mL. */
  volumeDifferenceMl: number;
  dice: number;
  jaccard: number;
  hdMm: number | null;
  hd95Mm: number | null;
  hd95Variant: Hd95Variant;
  assdMm: number | null;
  /** NSD per tolerance, keyed by the tolerance in mm as written by String(τ): "1", "2", "0.5". */
  nsd: Record<string, number | null>;
}

const DEFAULT_TOLERANCES_MM = [1, 2] as const;

/**
 * Every agreement metric of two masks on one grid, by the conventions of DESIGN.md: Dice and
 * Jaccard and volumes from bit counts over the whole grid; HD, HD95, ASSD and NSD from the
 * surface distances, computed once in the bounding box of A ∪ B.
 */
export function compareMasks(a: BitMask, b: BitMask, options: CompareMasksOptions = {}): MaskAgreement {
  const tolerancesMm = options.tolerancesMm ?? DEFAULT_TOLERANCES_MM;
  tolerancesMm.forEach((t, n) => {
    if (!(Number.isFinite(t) && t >= 0)) throw new MetricInputError(`tolerancesMm[${n}]`, `a tolerance is a non-negative number of mm, got ${t}`);
  });
  const variant = options.hd95 ?? 'pooled';
  if (!HD95_VARIANTS.includes(variant)) throw new MetricInputError('hd95', `unknown HD95 variant ${String(variant)}; use ${HD95_VARIANTS.join(' or ')}`);

  const counts = overlapCounts(a, b);
  const grid = a.grid;
  let distances: SurfaceDistances | null = null;
  let surfaceVoxels: [number, number] | null = null;
  if (options.distances !== false) {
    surfaceVoxels = [0, 0];
    const box = counts.a + counts.b > 0 ? boundingBox(a, b) : null;
    if (box) {
      const search = neighbourOffsets(grid.spacing, options.neighbourBallVoxels);
      const layout = paddedBox(box, search.reach);
      const surfaceA = surfaceWords(cropToPaddedBox(a, layout), layout);
      const surfaceB = surfaceWords(cropToPaddedBox(b, layout), layout);
      surfaceVoxels = [countBits(surfaceA), countBits(surfaceB)];
      distances = surfaceDistancesInBox(surfaceA, surfaceB, layout, grid.spacing, search);
    }
  }
  const nsdByTolerance: Record<string, number | null> = {};
  for (const t of tolerancesMm) nsdByTolerance[String(t)] = nsd(distances, t);
  return {
    a: { voxels: counts.a, volumeMl: volumeMl(counts.a, grid), surfaceVoxels: surfaceVoxels?.[0] ?? null },
    b: { voxels: counts.b, volumeMl: volumeMl(counts.b, grid), surfaceVoxels: surfaceVoxels?.[1] ?? null },
    overlapVoxels: counts.both,
    // From the voxel difference: no cancellation between two large, nearly equal volumes.
    volumeDifferenceMl: volumeMl(counts.b - counts.a, grid),
    dice: diceFromCounts(counts),
    jaccard: jaccardFromCounts(counts),
    hdMm: hausdorff(distances),
    hd95Mm: hd95(distances, variant),
    hd95Variant: variant,
    assdMm: assd(distances),
    nsd: nsdByTolerance,
  };
}
