/**
 * The structures of one case: the segments of every annotation joined into structures, each with
 * the SOP structure it is. Joins are made in a fixed order, each refused when it would contradict
 * what is already joined:
 *  1. each annotation's segments to the SOP's structures, one-to-one by matchSegments (type code with
 *     modifier, then category, then label — a label in the SOP's vocabulary, structureVocabulary.ts,
 *     counting as the structure's own);
 *  2. each annotator pair's segments to each other (pairs in given order, a < b), again by
 *     matchSegments — refused when it would put two SOP structures, or two segments of one
 *     annotation, into one structure.
 * So two segments are one structure when they are the same SOP structure or were matched directly
 * or through a third annotation. A refused match is not guessed around: its segments stay apart
 * and the review reports each as missing from the other annotation.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import { matchSegments, type MatchedBy } from '../segments/matchSegments';
import type { SopStructure, SopThresholds } from '../sop/Sop';
import { sopStructureNamed } from '../sop/structureVocabulary';
import type { Segmentation, SegmentVolume } from '../volume/Segmentation';

/** What a structure is: the SOP structure's label and codes when one applies, else its first segment's. */
export interface StructureIdentity {
  label: string;
  category?: CodeInit;
  type?: CodeInit;
  typeModifier?: CodeInit;
  /** The SOP structure it is (index in sop.structures), or null when none applies. */
  sopStructure: { index: number; label: string; thresholds: SopThresholds } | null;
}

export interface CaseStructure {
  identity: StructureIdentity;
  /** Its segment in each annotation (annotation order); null where that annotation has none. */
  segments: Array<SegmentVolume | null>;
  /** Pairs of annotations whose segments of it matchSegments paired directly, and by what. */
  directMatches: Array<{ a: number; b: number; by: MatchedBy }>;
}

/**
 * Structures in SOP order first (those some annotation has), then the others in order of their
 * first segment (annotation order, then segment order).
 */
export function caseStructures(segmentations: readonly Segmentation[], sopStructures: readonly SopStructure[]): CaseStructure[] {
  // Nodes: the SOP structures, then every segment of every annotation.
  const sopOf: number[] = sopStructures.map((_, s) => s);
  const annotationOf: number[] = sopStructures.map(() => -1);
  const segmentOf: Array<SegmentVolume | null> = sopStructures.map(() => null);
  const firstNode: number[] = [];
  segmentations.forEach((segmentation, a) => {
    firstNode.push(sopOf.length);
    for (const segment of segmentation.segments) {
      sopOf.push(-1);
      annotationOf.push(a);
      segmentOf.push(segment);
    }
  });
  const parent = sopOf.map((_, n) => n);
  const members = sopOf.map((_, n) => [n]);
  const rootSop = [...sopOf];
  const root = (n: number): number => (parent[n] === n ? n : (parent[n] = root(parent[n])));
  const join = (x: number, y: number): boolean => {
    const [rx, ry] = [root(x), root(y)].sort((p, q) => p - q);
    if (rx === ry) return true;
    if (rootSop[rx] >= 0 && rootSop[ry] >= 0) return false;
    const annotations = new Set(members[rx].map((n) => annotationOf[n]).filter((a) => a >= 0));
    if (members[ry].some((n) => annotationOf[n] >= 0 && annotations.has(annotationOf[n]))) return false;
    parent[ry] = rx;
    members[rx].push(...members[ry]);
    if (rootSop[rx] < 0) rootSop[rx] = rootSop[ry];
    return true;
  };
  const nodeOf = (a: number, segment: SegmentVolume): number => firstNode[a] + segmentations[a].segments.indexOf(segment);

  segmentations.forEach((segmentation, a) => {
    // A segment whose label is in the SOP's vocabulary (a synonym) is matched under the structure's own label.
    const named = segmentation.segments.map((segment) => {
      const structure = sopStructureNamed(segment.label, sopStructures);
      return structure === null ? segment : { ...segment, label: sopStructures[structure]!.label };
    });
    for (const pair of matchSegments(sopStructures, named).pairs) join(sopStructures.indexOf(pair.a), nodeOf(a, segmentation.segments[named.indexOf(pair.b)]!));
  });
  const directMatches: Array<{ x: number; y: number; a: number; b: number; by: MatchedBy }> = [];
  for (let a = 0; a < segmentations.length; a++) {
    for (let b = a + 1; b < segmentations.length; b++) {
      for (const pair of matchSegments(segmentations[a].segments, segmentations[b].segments).pairs) {
        const [x, y] = [nodeOf(a, pair.a), nodeOf(b, pair.b)];
        if (join(x, y)) directMatches.push({ x, y, a, b, by: pair.by });
      }
    }
  }

  const structures: CaseStructure[] = [];
  const structureOfRoot = new Map<number, CaseStructure>();
  const roots = [...new Set(sopOf.map((_, n) => root(n)))].filter((r) => members[r].some((n) => annotationOf[n] >= 0));
  // Roots are the lowest node of their structure: SOP structures first, then by first segment.
  for (const r of roots.sort((p, q) => p - q)) {
    const segments: Array<SegmentVolume | null> = segmentations.map(() => null);
    for (const n of members[r]) if (annotationOf[n] >= 0) segments[annotationOf[n]] = segmentOf[n];
    const structure: CaseStructure = { identity: identityOf(rootSop[r] >= 0 ? rootSop[r] : null, sopStructures, segments), segments, directMatches: [] };
    structureOfRoot.set(r, structure);
    structures.push(structure);
  }
  for (const { x, a, b, by } of directMatches) structureOfRoot.get(root(x))!.directMatches.push({ a, b, by });
  return structures;
}

function identityOf(sopIndex: number | null, sopStructures: readonly SopStructure[], segments: Array<SegmentVolume | null>): StructureIdentity {
  if (sopIndex !== null) {
    const sop = sopStructures[sopIndex];
    return {
      label: sop.label,
      category: sop.category,
      type: sop.type,
      ...(sop.typeModifier ? { typeModifier: sop.typeModifier } : {}),
      sopStructure: { index: sopIndex, label: sop.label, thresholds: sop.thresholds },
    };
  }
  const first = segments.find((segment) => segment !== null)!;
  return {
    label: first.label,
    ...(first.category ? { category: first.category } : {}),
    ...(first.type ? { type: first.type } : {}),
    ...(first.typeModifier ? { typeModifier: first.typeModifier } : {}),
    sopStructure: null,
  };
}
