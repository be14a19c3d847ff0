/**
 * Pairs the segments of two annotations of the same case, one-to-one, in three passes, each on
 * what the previous left:
 *  1. `type-code`: same SegmentedPropertyType (code value + coding scheme) and same type modifier
 *     (laterality), whatever the labels;
 *  2. `category-code`: same SegmentedPropertyCategory, when the types do not contradict (one side
 *     has no type, or the types are in different coding schemes and so cannot be compared);
 *  3. `label`: same label, compared trimmed, case-insensitively, runs of spaces as one, again only
 *     when the types do not contradict.
 * Two types in the same scheme that differ (Lung vs Liver, Lung+Right vs Lung+Left, Lung vs
 * Lung+Right) are different structures and never pair. When a pass finds several candidates for
 * one key it pairs those whose labels also agree, then a last single pair; the rest stay unmatched:
 * an ambiguous match is reported, never guessed. Unmatched segments are returned, not dropped.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import type { SegmentVolume } from '../volume/Segmentation';
import type { SegmentIdentity } from './SegmentIdentity';

export type MatchedBy = 'type-code' | 'category-code' | 'label';

/** One pair of segments taken to be the same structure, and what they were paired by. */
export interface SegmentMatch<A extends SegmentIdentity = SegmentVolume, B extends SegmentIdentity = A> {
  a: A;
  b: B;
  by: MatchedBy;
}

export interface SegmentMatching<A extends SegmentIdentity = SegmentVolume, B extends SegmentIdentity = A> {
  /** In the order of `a`. */
  pairs: Array<SegmentMatch<A, B>>;
  /** In input order. */
  unmatchedA: A[];
  unmatchedB: B[];
}

export function matchSegments<A extends SegmentIdentity, B extends SegmentIdentity>(a: readonly A[], b: readonly B[]): SegmentMatching<A, B> {
  const pairedA = new Map<number, { b: number; by: MatchedBy }>();
  const pairedB = new Set<number>();
  const pass = (by: MatchedBy, key: (segment: SegmentIdentity) => string | undefined): void => {
    const groups = new Map<string, { as: number[]; bs: number[] }>();
    const group = (k: string): { as: number[]; bs: number[] } => {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { as: [], bs: [] }));
      return g;
    };
    a.forEach((segment, n) => {
      const k = pairedA.has(n) ? undefined : key(segment);
      if (k !== undefined) group(k).as.push(n);
    });
    b.forEach((segment, n) => {
      const k = pairedB.has(n) ? undefined : key(segment);
      if (k !== undefined) group(k).bs.push(n);
    });
    for (const { as, bs } of groups.values()) {
      for (const [i, j] of pairWithin(as, bs, a, b)) {
        pairedA.set(i, { b: j, by });
        pairedB.add(j);
      }
    }
  };
  pass('type-code', typeKey);
  pass('category-code', (segment) => (segment.category ? codeKey(segment.category) : undefined));
  pass('label', (segment) => normalizeLabel(segment.label));
  return {
    pairs: [...pairedA.entries()].sort(([x], [y]) => x - y).map(([i, { b: j, by }]) => ({ a: a[i], b: b[j], by })),
    unmatchedA: a.filter((_, n) => !pairedA.has(n)),
    unmatchedB: b.filter((_, n) => !pairedB.has(n)),
  };
}

/**
 * One-to-one pairs among candidates sharing a key: first those whose labels agree (each label
 * occurring once on both sides), then, if exactly one candidate is left on each side, that pair;
 * always only between segments whose types do not contradict.
 */
function pairWithin(as: number[], bs: number[], a: readonly SegmentIdentity[], b: readonly SegmentIdentity[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const labelsA = countLabels(as.map((n) => a[n]));
  const labelsB = countLabels(bs.map((n) => b[n]));
  let restA = as;
  let restB = bs;
  for (const i of as) {
    const label = normalizeLabel(a[i].label);
    if (labelsA.get(label) !== 1 || labelsB.get(label) !== 1) continue;
    const j = bs.find((n) => normalizeLabel(b[n].label) === label)!;
    if (!compatible(a[i], b[j])) continue;
    pairs.push([i, j]);
    restA = restA.filter((n) => n !== i);
    restB = restB.filter((n) => n !== j);
  }
  if (restA.length === 1 && restB.length === 1 && compatible(a[restA[0]], b[restB[0]])) pairs.push([restA[0], restB[0]]);
  return pairs;
}

function countLabels(segments: SegmentIdentity[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of segments) {
    const label = normalizeLabel(segment.label);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

/** Types contradict when both are coded in the same scheme and differ (value or modifier). */
function compatible(x: SegmentIdentity, y: SegmentIdentity): boolean {
  if (!x.type || !y.type || scheme(x.type) !== scheme(y.type)) return true;
  return typeKey(x) === typeKey(y);
}

function typeKey(segment: SegmentIdentity): string | undefined {
  if (!segment.type) return undefined;
  return `${codeKey(segment.type)}/${segment.typeModifier ? codeKey(segment.typeModifier) : ''}`;
}

/** A code is its value in its scheme; the meaning is display text (PS3.3 8.8). */
function codeKey(code: CodeInit): string {
  return `${scheme(code)}|${code.value.trim()}`;
}

function scheme(code: CodeInit): string {
  return code.scheme.trim();
}

/** Labels compared trimmed, case-insensitively, with runs of white space as one space. */
export function normalizeLabel(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
