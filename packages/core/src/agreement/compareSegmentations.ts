import { compareLesions, type LesionAgreement } from '../metrics/compareLesions';
import { compareMasks, type MaskAgreement } from '../metrics/compareMasks';
import { metricConventions } from '../metrics/conventions';
import type { Hd95Variant } from '../metrics/hd95';
import { matchSegments, type SegmentMatch } from '../segments/matchSegments';
import type { Segmentation, SegmentVolume } from '../volume/Segmentation';
import { ENGINE } from './engineVersion';

export interface ComparisonOptions {
  tolerancesMm?: readonly number[];
  hd95?: Hd95Variant;
}

/** One structure as both annotations have it: how its segments were paired and how they agree. */
export interface StructureComparison {
  a: SegmentVolume;
  b: SegmentVolume;
  matchedBy: SegmentMatch['by'];
  agreement: MaskAgreement;
  lesions: LesionAgreement;
}

export interface SegmentationComparison {
  conventions: ReturnType<typeof metricConventions> & { engine: string; segmentMatching: string };
  structures: StructureComparison[];
  /** Segments of either annotation with no counterpart in the other: reported, never dropped. */
  unmatched: Array<{ side: 'a' | 'b'; segment: SegmentVolume }>;
}

/** Every agreement metric, per structure, of two segmentations on one grid. */
export function compareSegmentations(a: Segmentation, b: Segmentation, options: ComparisonOptions = {}): SegmentationComparison {
  const tolerancesMm = options.tolerancesMm ?? [1, 2];
  const hd95 = options.hd95 ?? 'pooled';
  const matching = matchSegments(a.segments, b.segments);
  return {
    conventions: {
      engine: `${ENGINE.name}@${ENGINE.version}`,
      ...metricConventions(hd95, tolerancesMm),
      segmentMatching: 'one-to-one by SegmentedPropertyType code (with modifiers), then category code, then label',
    },
    structures: matching.pairs.map((pair) => ({
      a: pair.a,
      b: pair.b,
      matchedBy: pair.by,
      agreement: compareMasks(pair.a.mask, pair.b.mask, { tolerancesMm, hd95 }),
      lesions: compareLesions(pair.a.mask, pair.b.mask, { hd95 }),
    })),
    unmatched: [...matching.unmatchedA.map((segment) => ({ side: 'a' as const, segment })), ...matching.unmatchedB.map((segment) => ({ side: 'b' as const, segment }))],
  };
}
