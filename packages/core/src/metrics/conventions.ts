import type { Hd95Variant } from './hd95';
import { lesionSizeRule } from './lesionSize';

/** How a structure one side lacks is compared (reviewCase; compareSegmentations with compareUnmatched). */
export const MISSING_STRUCTURE_CONVENTION =
  'a structure one side lacks (no segment, or for a label volume no voxel of the label) is compared with an empty mask: Dice 0, Jaccard 0, its volume 0, every lesion of the other side missed, distances null';

/**
 * The metric conventions (DESIGN.md), as data: written into every result (CLI JSON, the QC SR's
 * algorithm identification) so a number is never read without the rule that produced it.
 * `lesionSize`: the lesion minimum in force (lesionSizeRule), default none.
 */
export function metricConventions(hd95: Hd95Variant, tolerancesMm: readonly number[], lesionSize: string = lesionSizeRule(null)) {
  return {
    foreground: 'voxel with its bit set (segment present)',
    surface: 'foreground voxel with at least one of its 6 face neighbours in background; outside the image is background',
    distance: 'exact Euclidean distance between voxel centres, mm, anisotropic grid spacing',
    hd: 'max of the two directed maximum surface distances',
    hd95:
      hd95 === 'pooled'
        ? '95th percentile (linear interpolation) of the pooled surface distances of both directions (MedPy)'
        : 'max of the two directed 95th percentiles (linear interpolation) (MONAI)',
    hd95Variant: hd95,
    assd: 'mean of the pooled surface distances of both directions',
    nsd: '(#{d_AB ≤ τ} + #{d_BA ≤ τ}) / (|S_A| + |S_B|)',
    tolerancesMm: [...tolerancesMm],
    dice: '2|A∩B| / (|A|+|B|); 1 when both are empty',
    jaccard: '|A∩B| / |A∪B|; 1 when both are empty',
    undefinedDistances: 'null when either surface is empty',
    volume: 'voxel count × voxel volume, mL; difference = B − A',
    lesions: '26-connected components; detected = overlaps any lesion of the other; one-to-one matching by greatest overlap; F1 = 2TP/(2TP+FP+FN)',
    /** The smallest lesion (lesionSize.ts): the rule in force, e.g. the SOP structures' minLesionSize. */
    lesionSize,
  } as const;
}
