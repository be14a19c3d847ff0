import { ANNOTATION_LETTERS, structuresToAdjudicate, type ReviewVerdict, type StructureToAdjudicate } from '@segqc/core';
import type { CaseToAdjudicate } from './caseToAdjudicate';

/** A structure as the QC report lists it, with the review's verdict on it. */
export interface CaseStructure {
  /** The report's structure (its label, codes, and each annotation letter's segment). */
  structure: StructureToAdjudicate;
  /** The review's name for it (the SOP structure's label, as `segqc qc` prints it). */
  reviewLabel: string;
  verdict: ReviewVerdict;
}

/**
 * The case's structures as the adjudication writes them (structuresToAdjudicate over the judged
 * annotations), each joined to the review's structure through a segment the two share, as the
 * viewer joins them (adjudicateInWorker.ts structureLabel): the review names structures after the
 * SOP, the report after the annotators' segments.
 */
export function caseStructures(reviewed: CaseToAdjudicate): CaseStructure[] {
  const letterOf = new Map(reviewed.annotations.map(({ ref }, n) => [ref.id, ANNOTATION_LETTERS[n]]));
  return structuresToAdjudicate(reviewed.annotations.map(({ judged }) => judged)).map((structure) => {
    const has = (id: string, segment: { number: number } | null) =>
      segment !== null && structure.segments.some((member) => member.annotation === letterOf.get(id) && member.segmentNumber === segment.number);
    const row = reviewed.review.rows.find((r) => has(r.a, r.segmentA) || has(r.b, r.segmentB));
    if (row === undefined) throw new Error(`the structure "${structure.label}" is in no row of the case's review`);
    const inReview = reviewed.review.structures[row.structureIndex];
    return { structure, reviewLabel: inReview.structure.label, verdict: inReview.verdict };
  });
}
