import type { CaseReview } from '@segqc/core';
import type { QcAnnotationRef, QcCaseResult, QcPairResult } from './QcCaseResult';

/** The reviewed case as plain JSON: per structure and per pair, the review's numbers and verdicts (no masks). */
export function reviewedResult(
  base: Pick<QcCaseResult, 'studyInstanceUid' | 'sourceSeriesInstanceUid' | 'modality' | 'excluded' | 'warnings' | 'unreadable' | 'sop' | 'sopReason' | 'state' | 'report' | 'seconds'> & { annotations: QcAnnotationRef[] },
  review: CaseReview,
): QcCaseResult {
  return {
    ...base,
    status: 'reviewed',
    verdict: review.verdict,
    structures: review.structures.map((structure) => ({
      label: structure.structure.label, verdict: structure.verdict, escalatedPairs: structure.escalatedPairs, annotations: structure.annotations,
    })),
    pairs: review.rows.map((row): QcPairResult => ({
      structure: row.structure.label,
      a: row.a,
      b: row.b,
      segmentA: row.segmentA?.number ?? null,
      segmentB: row.segmentB?.number ?? null,
      dice: row.dice,
      jaccard: row.jaccard,
      hd95Mm: row.hd95Mm,
      hdMm: row.hdMm,
      assdMm: row.assdMm,
      nsd: row.nsd,
      nsdToleranceMm: row.nsdToleranceMm,
      nsdByToleranceMm: row.agreement ? { ...row.agreement.nsd } : {},
      volumeAMl: row.volumeAMl,
      volumeBMl: row.volumeBMl,
      lesions: { ...row.lesions },
      verdict: row.verdict,
      failed: row.failed.map((failure) => ({ ...failure })),
      worstMargin: row.worstMargin !== null && Number.isFinite(row.worstMargin) ? row.worstMargin : null,
    })),
    error: null,
  };
}
