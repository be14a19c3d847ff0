/**
 * The reviewer's reading of one case (DESIGN.md "Who uses it"): every annotator pair compared on
 * every structure, each comparison judged against the SOP's thresholds for that structure, and the
 * rows ordered so that the worst comes first.
 */
import { ENGINE } from '../agreement/engineVersion';
import { compareLesions, type LesionAgreement } from '../metrics/compareLesions';
import { compareMasks, type MaskAgreement } from '../metrics/compareMasks';
import { metricConventions, MISSING_STRUCTURE_CONVENTION } from '../metrics/conventions';
import type { Hd95Variant } from '../metrics/hd95';
import { lesionSizeRule, type LesionSize } from '../metrics/lesionSize';
import { assertSameGrid } from '../metrics/sameGrid';
import type { SopReference } from '../seg/SopReference';
import type { MatchedBy } from '../segments/matchSegments';
import type { Sop } from '../sop/Sop';
import { BitMask } from '../volume/BitMask';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import type { Segmentation, SegmentVolume } from '../volume/Segmentation';
import { caseStructures, type CaseStructure, type StructureIdentity } from './caseStructures';
import { judgeAgainstThresholds, judgeMissing, type FailedCriterion, type ThresholdJudgement, type ReviewVerdict } from './judgeAgainstThresholds';
import { ReviewInputError } from './ReviewInputError';

export interface ReviewAnnotation {
  /** Names the annotation in the review (e.g. the SEG's SOP Instance UID or the annotator's login). */
  id: string;
  segmentation: Segmentation;
}

export interface ReviewCaseOptions {
  /** Called after each structure comparison with the comparisons done and their total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called after each comparison with the review as it stands: the rows done so far, each
   * structure's verdict over them. Comparisons run smallest structure first (fewest voxels of the
   * pair), so that the first rows come soonest; the finished review is the same whatever the order.
   */
  onPartial?: (partial: CaseReview) => void;
  /** Default 'pooled' (DESIGN.md). */
  hd95?: Hd95Variant;
  /** NSD tolerances reported besides each SOP structure's own (default [1, 2]). */
  tolerancesMm?: readonly number[];
}

export interface SegmentRef {
  number: number;
  label: string;
}

/**
 * Lesion-level counts (26-connected components of at least the structure's minLesionSize,
 * DESIGN.md); a side without the segment has none (0), so every lesion of the other is missed or extra.
 */
export interface LesionCounts {
  a: number;
  b: number;
  /** Matched one-to-one. */
  matched: number;
  /** Lesions of A that overlap none of B's. */
  missedByB: number;
  /** Lesions of B that overlap none of A's. */
  extraInB: number;
  f1: number;
}

/**
 * One structure for one annotator pair. Metrics are null where undefined. A side without the
 * segment is compared as an empty mask (issue 14): Dice 0, its volume 0, every lesion of the other
 * missed, distances and NSD null; the row escalates as 'missing' whatever the thresholds say.
 */
export interface PairStructureReview {
  /** Index in CaseReview.structures. */
  structureIndex: number;
  structure: StructureIdentity;
  /** Annotation ids; `a` comes before `b` in the given order. */
  a: string;
  b: string;
  segmentA: SegmentRef | null;
  segmentB: SegmentRef | null;
  /** How matchSegments paired the two segments; 'same-structure' when joined through the SOP structure or a third annotation. */
  matchedBy: MatchedBy | 'same-structure' | null;
  dice: number;
  jaccard: number;
  hd95Mm: number | null;
  hdMm: number | null;
  assdMm: number | null;
  /** NSD at the SOP structure's tolerance; null without one. */
  nsd: number | null;
  nsdToleranceMm: number | null;
  volumeAMl: number;
  volumeBMl: number;
  lesions: LesionCounts;
  /** The SOP structure's minLesionSize the lesion counts used (pass it to discrepancyMap); null: every component. */
  minLesionSize: LesionSize | null;
  verdict: ReviewVerdict;
  failed: FailedCriterion[];
  worstMargin: number | null;
  /** Every metric, NSD at every tolerance of the review (a missing segment as an empty mask). */
  agreement: MaskAgreement;
  lesionAgreement: LesionAgreement;
}

/** One structure over all pairs: escalated if any pair is. */
export interface StructureReview {
  structure: StructureIdentity;
  /** Ids of the annotations that have it. */
  annotations: string[];
  verdict: ReviewVerdict;
  /** Rows (pairs) of this structure that are escalated. */
  escalatedPairs: number;
}

export interface CaseReview {
  annotations: string[];
  sop: SopReference | null;
  /** The tolerances every row's agreement.nsd holds: the options' and each SOP structure's. */
  tolerancesMm: number[];
  conventions: ReturnType<typeof metricConventions> & { engine: string; segmentMatching: string; missingStructure: string; verdict: string; order: string };
  /** CaseStructure order: SOP structures first, then the others by first segment. */
  structures: StructureReview[];
  /** Worst first: escalated, then without thresholds, then passed; each by worst margin, then Dice. */
  rows: PairStructureReview[];
  /** Escalate if any structure is; pass if all pass; otherwise some structure has no thresholds. */
  verdict: ReviewVerdict;
}

const VERDICT_RANK: Record<ReviewVerdict, number> = { escalate: 0, 'no-thresholds': 1, pass: 2 };

export function reviewCase(annotations: ReadonlyArray<ReviewAnnotation>, sop: Sop | null, options: ReviewCaseOptions = {}): CaseReview {
  checkAnnotations(annotations);
  const hd95 = options.hd95 ?? 'pooled';
  const sopStructures = sop?.structures ?? [];
  const tolerancesMm = [...new Set([...(options.tolerancesMm ?? [1, 2]), ...sopStructures.map((s) => s.thresholds.nsdToleranceMm)])].sort((x, y) => x - y);
  const ids = annotations.map((annotation) => annotation.id);
  const structures = caseStructures(annotations.map((annotation) => annotation.segmentation), sopStructures);

  const work: Array<{ structure: number; a: number; b: number }> = [];
  structures.forEach((structure, s) => {
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) if (structure.segments[a] || structure.segments[b]) work.push({ structure: s, a, b });
  });
  const total = work.length;
  // The order comparisons run in; rows keep the work's order, so that ties sort alike whatever it was.
  let order = work.map((_, index) => index);
  if (options.onPartial) {
    // Each segment counted once, however many pairs it is in.
    const voxels = structures.map((structure) => structure.segments.map((segment) => segment?.mask.count() ?? 0));
    const sizes = work.map(({ structure, a, b }) => voxels[structure]![a]! + voxels[structure]![b]!);
    order = order.sort((x, y) => sizes[x]! - sizes[y]!);
  }
  const rowsByWork: Array<PairStructureReview | undefined> = new Array(total);
  let done = 0;
  const reviewOf = (compared: readonly PairStructureReview[]): CaseReview => {
    const structureReviews = structures.map((structure, s): StructureReview => {
      const own = compared.filter((row) => row.structureIndex === s);
      const escalatedPairs = own.filter((row) => row.verdict === 'escalate').length;
      return {
        structure: structure.identity,
        annotations: ids.filter((_, a) => structure.segments[a] !== null),
        verdict: escalatedPairs > 0 ? 'escalate' : structure.identity.sopStructure ? 'pass' : 'no-thresholds',
        escalatedPairs,
      };
    });
    return {
      annotations: ids,
      sop: sop?.reference ?? null,
      tolerancesMm,
      conventions: {
        engine: `${ENGINE.name}@${ENGINE.version}`,
        ...metricConventions(hd95, tolerancesMm, lesionSizeConvention(sopStructures)),
        segmentMatching:
          'segments joined into structures: each to a SOP structure, then pairwise, one-to-one by SegmentedPropertyType code (with modifiers), then category code, then label; a join contradicting an earlier one is refused',
        missingStructure: MISSING_STRUCTURE_CONVENTION,
        verdict:
          'escalate when Dice < minDice, HD95 > maxHd95Mm or NSD at nsdToleranceMm < minNsd (an undefined distance fails unless both masks are empty), or when one annotator lacks the structure (missing, whatever the thresholds)',
        order: 'escalated, then without thresholds, then passed; each by the smallest normalised margin (value − t) / t or (t − value) / t, then Dice ascending',
      },
      structures: structureReviews,
      rows: [...compared].sort(worstFirst),
      verdict: structureReviews.some((r) => r.verdict === 'escalate')
        ? 'escalate'
        : structureReviews.every((r) => r.verdict === 'pass') ? 'pass' : 'no-thresholds',
    };
  };
  const rowsDone = () => rowsByWork.filter((row): row is PairStructureReview => row !== undefined);
  for (const index of order) {
    const { structure: s, a, b } = work[index]!;
    const structure = structures[s];
    const sopStructure = structure.identity.sopStructure && sopStructures[structure.identity.sopStructure.index];
    rowsByWork[index] = compareRow(s, structure, ids[a], ids[b], structure.segments[a], structure.segments[b], matchedBy(structure, a, b), sopStructure?.minLesionSize ?? null, tolerancesMm, hd95);
    done += 1;
    options.onProgress?.(done, total);
    if (options.onPartial && done < total) options.onPartial(reviewOf(rowsDone()));
  }
  return reviewOf(rowsDone());
}

/** One pair on one structure; a side without the segment is an empty mask on the other's grid. */
function compareRow(
  structureIndex: number, structure: CaseStructure, a: string, b: string, segmentA: SegmentVolume | null, segmentB: SegmentVolume | null,
  by: PairStructureReview['matchedBy'], minLesionSize: LesionSize | null, tolerancesMm: readonly number[], hd95: Hd95Variant,
): PairStructureReview {
  const grid = (segmentA ?? segmentB)!.mask.grid;
  const [maskA, maskB] = [segmentA?.mask ?? new BitMask(grid), segmentB?.mask ?? new BitMask(grid)];
  const agreement = compareMasks(maskA, maskB, { tolerancesMm, hd95 });
  const lesionAgreement = compareLesions(maskA, maskB, { hd95, minLesionSize });
  const thresholds = structure.identity.sopStructure?.thresholds ?? null;
  const nsdToleranceMm = thresholds?.nsdToleranceMm ?? null;
  const nsd = nsdToleranceMm === null ? null : agreement.nsd[String(nsdToleranceMm)];
  const judgement = segmentA && segmentB
    ? judgeAgainstThresholds({ dice: agreement.dice, hd95Mm: agreement.hd95Mm, nsd, bothEmpty: agreement.a.voxels + agreement.b.voxels === 0 }, thresholds)
    : judgeMissing(segmentA ? b : a);
  return {
    structureIndex, structure: structure.identity, a, b,
    segmentA: segmentA && refOf(segmentA), segmentB: segmentB && refOf(segmentB), matchedBy: segmentA && segmentB ? by : null,
    dice: agreement.dice, jaccard: agreement.jaccard, hd95Mm: agreement.hd95Mm, hdMm: agreement.hdMm, assdMm: agreement.assdMm,
    nsd, nsdToleranceMm,
    volumeAMl: agreement.a.volumeMl, volumeBMl: agreement.b.volumeMl,
    lesions: {
      a: lesionAgreement.a.lesions, b: lesionAgreement.b.lesions, matched: lesionAgreement.matched,
      missedByB: lesionAgreement.b.missed, extraInB: lesionAgreement.b.extra, f1: lesionAgreement.f1,
    },
    minLesionSize,
    ...verdictOf(judgement),
    agreement, lesionAgreement,
  };
}

/** The lesion minimum of each SOP structure that has one; none for the others. */
function lesionSizeConvention(sopStructures: readonly Sop['structures'][number][]): string {
  const sized = sopStructures.filter((structure) => structure.minLesionSize);
  if (sized.length === 0) return lesionSizeRule(null);
  return `per SOP structure (minLesionSize): ${sized.map((structure) => `${structure.label}: ${lesionSizeRule(structure.minLesionSize)}`).join('; ')}; any other structure: ${lesionSizeRule(null)}`;
}

function verdictOf(judgement: ThresholdJudgement): Pick<PairStructureReview, 'verdict' | 'failed' | 'worstMargin'> {
  return { verdict: judgement.verdict, failed: judgement.failed, worstMargin: judgement.worstMargin };
}

function matchedBy(structure: CaseStructure, a: number, b: number): PairStructureReview['matchedBy'] {
  return structure.directMatches.find((match) => match.a === a && match.b === b)?.by ?? 'same-structure';
}

function refOf(segment: SegmentVolume): SegmentRef {
  return { number: segment.number, label: segment.label };
}

/** Escalated first, then no thresholds, then passed; within each the smallest margin (missing: −∞), missing segments first, then the lowest Dice. */
function worstFirst(p: PairStructureReview, q: PairStructureReview): number {
  return (
    VERDICT_RANK[p.verdict] - VERDICT_RANK[q.verdict] ||
    compareAscending(p.worstMargin, q.worstMargin) ||
    Number(!isMissing(p)) - Number(!isMissing(q)) ||
    compareAscending(p.dice, q.dice)
  );
}

function isMissing(row: PairStructureReview): boolean {
  return row.segmentA === null || row.segmentB === null;
}

/** Ascending, equal infinities equal (−∞ − −∞ is NaN), null (no margin) equal to anything. */
function compareAscending(x: number | null, y: number | null): number {
  if (x === null || y === null || x === y) return 0;
  return x < y ? -1 : 1;
}

function checkAnnotations(annotations: ReadonlyArray<ReviewAnnotation>): void {
  // A ternary: Array.isArray would narrow a ReadonlyArray to any[] for the rest of the function.
  const count = Array.isArray(annotations) ? annotations.length : 0;
  if (count < 2) throw new ReviewInputError('annotations', `a review compares at least two annotations, got ${count}`);
  const seen = new Map<string, number>();
  annotations.forEach(({ id }, n) => {
    if (typeof id !== 'string' || id.trim() === '') throw new ReviewInputError(`annotations[${n}].id`, 'must be a non-empty string');
    if (seen.has(id)) throw new ReviewInputError(`annotations[${n}].id`, `${JSON.stringify(id)} is annotations[${seen.get(id)}] already`);
    seen.set(id, n);
  });
  // Every segment on one grid, checked before any work; the error names the segment.
  const masks = annotations.flatMap(({ segmentation }, n) => segmentation.segments.map((segment, s) => ({ mask: segment.mask, path: `annotations[${n}].segmentation.segments[${s}].mask.grid` })));
  for (const { mask, path } of masks.slice(1)) {
    try {
      assertSameGrid(masks[0].mask, mask);
    } catch (error) {
      if (!(error instanceof GeometryMismatchError)) throw error;
      throw new GeometryMismatchError(path, `${error.reason}, unlike ${masks[0].path.replace(/\.mask\.grid$/, '')}`);
    }
  }
}
