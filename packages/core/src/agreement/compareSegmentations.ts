import { compareLesions, type LesionAgreement } from '../metrics/compareLesions';
import { compareMasks, type MaskAgreement } from '../metrics/compareMasks';
import { metricConventions, MISSING_STRUCTURE_CONVENTION } from '../metrics/conventions';
import type { Hd95Variant } from '../metrics/hd95';
import { lesionSizeRule, type LesionSize } from '../metrics/lesionSize';
import { matchSegments, type SegmentMatch } from '../segments/matchSegments';
import { BitMask } from '../volume/BitMask';
import type { Segmentation, SegmentVolume } from '../volume/Segmentation';
import { ENGINE } from './engineVersion';

export interface ComparisonOptions {
  tolerancesMm?: readonly number[];
  hd95?: Hd95Variant;
  /** The smallest component that is a lesion (lesionSize.ts), for every structure; default none (every component). */
  minLesionSize?: LesionSize | null;
  /**
   * Also compare every segment without counterpart against an empty mask of the other side
   * (`missing`): absent is empty — Dice 0, every lesion missed, distances undefined. Default false.
   */
  compareUnmatched?: boolean;
}

/** One structure as both annotations have it: how its segments were paired and how they agree. */
export interface StructureComparison {
  a: SegmentVolume;
  b: SegmentVolume;
  matchedBy: SegmentMatch['by'];
  agreement: MaskAgreement;
  lesions: LesionAgreement;
}

/** A segment of one side compared with an empty mask on the side that has no such segment; metrics in A, B order. */
export interface MissingStructureComparison {
  /** The side without the structure. */
  missing: 'a' | 'b';
  /** The other side's segment. */
  segment: SegmentVolume;
  agreement: MaskAgreement;
  lesions: LesionAgreement;
}

export interface SegmentationComparison {
  conventions: ReturnType<typeof metricConventions> & { engine: string; segmentMatching: string; missingStructure?: string };
  structures: StructureComparison[];
  /** Segments of either annotation with no counterpart in the other: reported, never dropped. */
  unmatched: Array<{ side: 'a' | 'b'; segment: SegmentVolume }>;
  /** With options.compareUnmatched, each unmatched segment against an empty mask (A's first, then B's); else empty. */
  missing: MissingStructureComparison[];
}

/** Every agreement metric, per structure, of two segmentations on one grid. */
export function compareSegmentations(a: Segmentation, b: Segmentation, options: ComparisonOptions = {}): SegmentationComparison {
  const tolerancesMm = options.tolerancesMm ?? [1, 2];
  const hd95 = options.hd95 ?? 'pooled';
  const minLesionSize = options.minLesionSize ?? null;
  const matching = matchSegments(a.segments, b.segments);
  const unmatched = [...matching.unmatchedA.map((segment) => ({ side: 'a' as const, segment })), ...matching.unmatchedB.map((segment) => ({ side: 'b' as const, segment }))];
  const compare = (x: BitMask, y: BitMask) => ({
    agreement: compareMasks(x, y, { tolerancesMm, hd95 }),
    lesions: compareLesions(x, y, { hd95, minLesionSize }),
  });
  return {
    conventions: {
      engine: `${ENGINE.name}@${ENGINE.version}`,
      ...metricConventions(hd95, tolerancesMm, lesionSizeRule(minLesionSize)),
      segmentMatching: 'one-to-one by SegmentedPropertyType code (with modifiers), then category code, then label',
      ...(options.compareUnmatched ? { missingStructure: MISSING_STRUCTURE_CONVENTION } : {}),
    },
    structures: matching.pairs.map((pair) => ({
      a: pair.a,
      b: pair.b,
      matchedBy: pair.by,
      ...compare(pair.a.mask, pair.b.mask),
    })),
    unmatched,
    missing: options.compareUnmatched
      ? unmatched.map(({ side, segment }) => {
        const empty = new BitMask(segment.mask.grid);
        return { missing: side === 'a' ? 'b' as const : 'a' as const, segment, ...(side === 'a' ? compare(segment.mask, empty) : compare(empty, segment.mask)) };
      })
      : [],
  };
}
