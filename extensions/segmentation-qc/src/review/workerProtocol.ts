/**
 * Messages between the panel and the agreement Web Worker. Everything crosses by structured
 * clone; label volumes cross as transferred buffers.
 */
import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';
import type { Sop } from '@segqc/core';

/** One annotation to compare: a SEG instance in the PACS. */
export interface AnnotationRef {
  /** What the panel calls it (the annotator's name); unique within a request. */
  id: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

export interface ReviewRequest {
  type: 'review';
  requestId: number;
  /** Absolute DICOMweb root (the worker has no page to resolve a relative one against). */
  dicomwebRoot: string;
  headers: Record<string, string>;
  studyInstanceUid: string;
  sourceSeriesInstanceUid: string;
  annotations: AnnotationRef[];
  sop: Sop | null;
}

/** The three-class label volume of a pair on one structure of the last reviewed case. */
export interface DiscrepancyRequest {
  type: 'discrepancy';
  requestId: number;
  a: string;
  b: string;
  structureKey: string;
}

export type WorkerRequest = ReviewRequest | DiscrepancyRequest;

export type WorkerAnswer =
  | { type: 'progress'; requestId: number; stage: 'retrieving' | 'comparing'; done: number; total: number }
  | { type: 'review'; requestId: number; review: CaseReviewSummary }
  | { type: 'discrepancy'; requestId: number; discrepancy: DiscrepancySummary }
  | { type: 'error'; requestId: number; message: string };
