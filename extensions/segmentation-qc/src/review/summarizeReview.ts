import type { CaseReview, SourceGrid } from '@segqc/core';
import type { StoredQcReport } from './qcReportsOfStudy';
import { adjudicationOnRecord } from '../adjudication/adjudicationOnRecord';
import type { CaseReviewSummary, ReviewedStructure, ReviewRow } from './reviewSummary';

/** The panel's plain view of the engine's review (masks and full agreement records stay in the worker). */
export function summarizeReview(
  review: CaseReview, sourceGrid: SourceGrid, sliceSopInstanceUids: string[], adjudication: StoredQcReport | null,
): Omit<CaseReviewSummary, 'excluded' | 'unreadableReports' | 'choices' | 'warnings'> {
  const segmentNumbers = review.structures.map(() => new Map<string, number>());
  const structures: ReviewedStructure[] = review.structures.map((structure, index) => ({
    key: String(index),
    label: structure.structure.label,
    verdict: structure.verdict,
    inSop: structure.structure.sopStructure !== null,
    segmentNumbers: segmentNumbers[index],
  }));
  const rows: ReviewRow[] = review.rows.map((row) => {
    if (row.segmentA) segmentNumbers[row.structureIndex].set(row.a, row.segmentA.number);
    if (row.segmentB) segmentNumbers[row.structureIndex].set(row.b, row.segmentB.number);
    return {
      structureKey: String(row.structureIndex),
      structureLabel: row.structure.label,
      a: row.a,
      b: row.b,
      dice: row.dice,
      hd95Mm: row.hd95Mm,
      nsd: row.nsd,
      nsdToleranceMm: row.nsdToleranceMm,
      volumeAMl: row.volumeAMl,
      volumeBMl: row.volumeBMl,
      missedLesions: row.lesions.missedByB,
      extraLesions: row.lesions.extraInB,
      verdict: row.verdict,
      failed: row.failed,
    };
  });
  const { columns, rows: gridRows, slices } = sourceGrid.grid;
  return { annotationIds: review.annotations, rows, structures, sliceSopInstanceUids, grid: { columns, rows: gridRows, slices }, adjudication: adjudication && adjudicationOnRecord(adjudication) };
}
