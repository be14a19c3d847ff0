import { annotatorInEveryFailingPair } from '@segqc/core';
import { ReviewPairRow, VERDICT_TEXT } from './ReviewPairRow';
import type { CaseReviewSummary, ReviewedStructure, ReviewRow } from './reviewSummary';

type NameOf = (id: string) => string;

/** One structure: its verdict, the annotator in every failing pair of it (if asked to say), and its pairs worst first. */
function StructureAgreement({ structure, rows, outlier, nameOf }: { structure: ReviewedStructure; rows: ReviewRow[]; outlier: string | null; nameOf: NameOf }) {
  return (
    <li className="segqc-review-structure" data-testid="segqc-review-structure" data-structure={structure.label} data-verdict={structure.verdict}>
      <div className="segqc-review-structure-head">
        <span className="segqc-review-structure-label">{structure.label}</span>
        <span className={`segqc-verdict segqc-verdict-${structure.verdict}`}>{VERDICT_TEXT[structure.verdict]}</span>
      </div>
      {outlier !== null && (
        <div className="segqc-review-outlier" data-testid="segqc-review-structure-outlier" data-annotator={outlier}>
          {nameOf(outlier)} is in every failing pair of this structure.
        </div>
      )}
      <ul className="segqc-review-pairs">
        {rows.map((row) => (
          <ReviewPairRow key={`${row.a}|${row.b}`} row={row} nameOf={nameOf} />
        ))}
      </ul>
    </li>
  );
}

/**
 * The case's agreement at a glance: the annotator in every failing pair of the case when there is
 * one, then each structure, worst first; when the case has no such annotator, a structure names
 * its own.
 */
export function AgreementSummary({ review, nameOf }: { review: CaseReviewSummary; nameOf: NameOf }) {
  const escalated = review.rows.filter((row) => row.verdict === 'escalate');
  const outlier = annotatorInEveryFailingPair(review.annotationIds, escalated);
  // Rows come worst first, so a structure's first row places it.
  const order = [...new Set(review.rows.map((row) => row.structureKey))];
  return (
    <>
      {outlier !== null && (
        <p className="segqc-warning" role="note" data-testid="segqc-review-outlier" data-annotator={outlier}>
          {nameOf(outlier)} is in every failing pair.
        </p>
      )}
      <ul className="segqc-review-structures">
        {order.map((key) => (
          <StructureAgreement
            key={key}
            structure={review.structures.find((structure) => structure.key === key)!}
            rows={review.rows.filter((row) => row.structureKey === key)}
            outlier={outlier === null ? annotatorInEveryFailingPair(review.annotationIds, escalated.filter((row) => row.structureKey === key)) : null}
            nameOf={nameOf}
          />
        ))}
      </ul>
    </>
  );
}
