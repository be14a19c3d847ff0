import type { BitMask } from '../volume/BitMask';
import type { VoxelBox } from './boundingBox';
import { componentsOfAtLeast, connectedComponents, type ConnectedComponents, type Connectivity } from './connectedComponents';
import { hausdorff } from './hausdorff';
import { hd95, HD95_VARIANTS, type Hd95Variant } from './hd95';
import { lesionOverlaps } from './lesionOverlaps';
import { minLesionVoxels, type LesionSize } from './lesionSize';
import { matchLesions } from './lesionMatching';
import { MetricInputError } from './MetricInputError';
import { neighbourOffsets } from './neighbourOffsets';
import { paddedBox, setBitRange, type PaddedBox } from './paddedBox';
import { assertSameGrid } from './sameGrid';
import { surfaceDistancesInBox, type SurfaceSearchOptions } from './surfaceDistances';
import { surfaceWords } from './surface';
import { volumeMl } from './volume';

export interface CompareLesionsOptions extends SurfaceSearchOptions {
  /** Default 26 (DESIGN.md). */
  connectivity?: Connectivity;
  /** HD95 variant of the per-lesion HD95 (default 'pooled'). */
  hd95?: Hd95Variant;
  /**
   * The smallest component that is a lesion (a SOP structure's minLesionSize, lesionSize.ts):
   * smaller components are not lesions, not counted, matched nor able to detect one. Default none.
   */
  minLesionSize?: LesionSize | null;
}

/** One lesion (connected component) of one annotator. */
export interface Lesion {
  voxels: number;
  volumeMl: number;
  box: VoxelBox;
  /** Overlaps at least one lesion of the other annotator. */
  detected: boolean;
  /** Number of the other annotator's lesion it is matched to one-to-one, or null. */
  match: number | null;
}

/** One annotator's side of the lesion comparison. */
export interface LesionSide {
  /** Connected components of this annotator's mask of at least the minimum lesion size. */
  lesions: number;
  /** Components smaller than the minimum lesion size: not lesions, in no other count. */
  belowMinimum: number;
  /** Of those, how many overlap a lesion of the other annotator. */
  detected: number;
  /** Of those, how many overlap none: found by this annotator only. */
  extra: number;
  /** Lesions of the other annotator that overlap none of this annotator's: missed by this one. */
  missed: number;
  list: Lesion[];
}

/** A one-to-one matched pair: lesion `a` of A and lesion `b` of B (component numbers). */
export interface MatchedLesion {
  a: number;
  b: number;
  aVoxels: number;
  bVoxels: number;
  overlapVoxels: number;
  dice: number;
  hdMm: number;
  hd95Mm: number;
}

export interface LesionAgreement {
  connectivity: Connectivity;
  hd95Variant: Hd95Variant;
  /** The fewest voxels of a lesion on this grid (1: no minimum). */
  minLesionVoxels: number;
  a: LesionSide;
  b: LesionSide;
  /** One-to-one matched pairs (true positives). */
  matched: number;
  /** Lesion-wise F1 = 2TP / (2TP + FP + FN) = 2·matched / (lesions of A + lesions of B); 1 when neither has a lesion. */
  f1: number;
  matches: MatchedLesion[];
}

/**
 * Lesion-level agreement of two masks on one grid: connected components of each (26-connected by
 * default) of at least the minimum lesion size (options.minLesionSize; default every component), detection by overlap and one-to-one matching by greatest overlap (see matchLesions),
 * and for every matched pair its Dice and surface distances, computed in the pair's bounding box.
 */
export function compareLesions(a: BitMask, b: BitMask, options: CompareLesionsOptions = {}): LesionAgreement {
  assertSameGrid(a, b);
  const variant = options.hd95 ?? 'pooled';
  if (!HD95_VARIANTS.includes(variant)) throw new MetricInputError('hd95', `unknown HD95 variant ${String(variant)}; use ${HD95_VARIANTS.join(' or ')}`);
  const connectivity = options.connectivity ?? 26;
  const minVoxels = minLesionVoxels(options.minLesionSize, a.grid);
  const allA = connectedComponents(a, connectivity);
  const allB = connectedComponents(b, connectivity);
  const ca = componentsOfAtLeast(allA, minVoxels);
  const cb = componentsOfAtLeast(allB, minVoxels);
  const { aOverlapped, bOverlapped, matches } = matchLesions(lesionOverlaps(ca, cb), ca.count, cb.count);
  const search = neighbourOffsets(a.grid.spacing, options.neighbourBallVoxels);
  const aRuns = runsByComponent(ca);
  const bRuns = runsByComponent(cb);

  const matched: MatchedLesion[] = matches.map(({ a: la, b: lb, voxels }) => {
    const layout = paddedBox(unionBox(ca.boxes[la], cb.boxes[lb]), search.reach);
    const distances = surfaceDistancesInBox(
      surfaceWords(paintComponent(ca, aRuns, la, layout), layout),
      surfaceWords(paintComponent(cb, bRuns, lb, layout), layout),
      layout, a.grid.spacing, search,
    );
    const aVoxels = ca.voxels[la];
    const bVoxels = cb.voxels[lb];
    return {
      a: la, b: lb, aVoxels, bVoxels, overlapVoxels: voxels,
      dice: (2 * voxels) / (aVoxels + bVoxels),
      // Components are never empty, so neither are their surfaces.
      hdMm: hausdorff(distances)!,
      hd95Mm: hd95(distances, variant)!,
    };
  });
  const matchOfA = new Map(matches.map((m) => [m.a, m.b]));
  const matchOfB = new Map(matches.map((m) => [m.b, m.a]));
  const side = (c: ConnectedComponents, all: ConnectedComponents, overlapped: boolean[], otherOverlapped: boolean[], matchOf: Map<number, number>): LesionSide => {
    const detected = overlapped.filter(Boolean).length;
    return {
      lesions: c.count, belowMinimum: all.count - c.count, detected, extra: c.count - detected, missed: otherOverlapped.filter((o) => !o).length,
      list: Array.from({ length: c.count }, (_, n) => ({
        voxels: c.voxels[n], volumeMl: volumeMl(c.voxels[n], c.grid), box: c.boxes[n], detected: overlapped[n], match: matchOf.get(n) ?? null,
      })),
    };
  };
  return {
    connectivity,
    hd95Variant: variant,
    minLesionVoxels: minVoxels,
    a: side(ca, allA, aOverlapped, bOverlapped, matchOfA),
    b: side(cb, allB, bOverlapped, aOverlapped, matchOfB),
    matched: matches.length,
    f1: ca.count + cb.count === 0 ? 1 : (2 * matches.length) / (ca.count + cb.count),
    matches: matched,
  };
}

function unionBox(p: VoxelBox, q: VoxelBox): VoxelBox {
  return {
    iMin: Math.min(p.iMin, q.iMin), jMin: Math.min(p.jMin, q.jMin), kMin: Math.min(p.kMin, q.kMin),
    iMax: Math.max(p.iMax, q.iMax), jMax: Math.max(p.jMax, q.jMax), kMax: Math.max(p.kMax, q.kMax),
  };
}

/** Run numbers grouped by component (counting sort): component c owns order[first[c]…first[c+1]). */
function runsByComponent(c: ConnectedComponents): { first: Int32Array; order: Int32Array } {
  const first = new Int32Array(c.count + 1);
  for (let n = 0; n < c.runs.length; n++) first[c.runComponent[n] + 1]++;
  for (let l = 0; l < c.count; l++) first[l + 1] += first[l];
  const next = first.slice(0, c.count);
  const order = new Int32Array(c.runs.length);
  for (let n = 0; n < c.runs.length; n++) order[next[c.runComponent[n]]++] = n;
  return { first, order };
}

/** The voxels of one component, painted run by run into `layout`. */
function paintComponent(c: ConnectedComponents, grouped: { first: Int32Array; order: Int32Array }, label: number, layout: PaddedBox): Uint32Array {
  const words = new Uint32Array(layout.wordCount);
  const { rows } = c.grid;
  const { row, start, end } = c.runs;
  for (let p = grouped.first[label]; p < grouped.first[label + 1]; p++) {
    const n = grouped.order[p];
    const j = row[n] % rows;
    const k = (row[n] - j) / rows;
    const rowBase = ((k - layout.k0) * layout.height + (j - layout.j0)) * layout.wordsPerRow;
    setBitRange(words, rowBase, start[n] - layout.i0, end[n] - layout.i0);
  }
  return words;
}
