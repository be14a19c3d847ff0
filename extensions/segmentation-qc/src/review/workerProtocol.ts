/**
 * Messages between the panel and the agreement Web Worker. Everything crosses by structured
 * clone; label volumes cross as transferred buffers.
 */
import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';
import type { AuthenticatedIdentity, QcReasonInit, ReviewerChoices, SopChecklistResultInit, Sop, SourceImage } from '@segqc/core';

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
  /** The source series as OHIF read it (loadedSourceImages.ts); null: the worker reads its metadata. */
  sourceImages: SourceImage[] | null;
  annotations: AnnotationRef[];
  sop: Sop | null;
  /** What the reviewer set by hand in the panel, over what the study's QC reports record (review/reviewerChoices.ts in core). */
  choices: ReviewerChoices;
}

/** Read a study's SEGs and their source series ahead of its review (studyReadCache.ts). */
export interface PrefetchRequest {
  type: 'prefetch';
  requestId: number;
  dicomwebRoot: string;
  headers: Record<string, string>;
  studyInstanceUid: string;
}

/** The three-class label volume of a pair on one structure of the last reviewed case. */
export interface DiscrepancyRequest {
  type: 'discrepancy';
  requestId: number;
  a: string;
  b: string;
  structureKey: string;
}

/** How the reference of one structure is made; an edited mask crosses as its bit words. */
export type ReferenceChoice = { kind: 'accept'; annotationId: string } | { kind: 'majority' } | { kind: 'staple' } | { kind: 'edited'; words: Uint32Array };

export interface StructureDecision {
  structureKey: string;
  method: ReferenceChoice;
  reasons: QcReasonInit[];
  escalated: boolean;
}

/** Who writes: name (PN) and login, and the viewer's OIDC sign-in when there is one (absent: self-declared). */
export interface SigningPerson {
  name: string;
  login: string;
  authentication?: AuthenticatedIdentity;
}

/** Sign-off of the last reviewed case: the reference SEG and the verified QC report, written in the worker. */
export interface AdjudicateRequest {
  type: 'adjudicate';
  requestId: number;
  decisions: StructureDecision[];
  checklist: SopChecklistResultInit[];
  adjudicator: SigningPerson;
  /** Epoch milliseconds of the signature. */
  signedAt: number;
}

/** The starting point of an edit: the reference a method gives for one structure, as labels 0/1 on the grid. */
export interface StartingMaskRequest {
  type: 'starting-mask';
  requestId: number;
  structureKey: string;
  method: Exclude<ReferenceChoice, { kind: 'edited' }>;
}

export interface AdjudicationWritten {
  referenceSeg: Uint8Array;
  report: Uint8Array;
  referenceSegSopInstanceUid: string;
  reportSopInstanceUid: string;
  /** The report this one revises, if any. */
  revises: string | null;
}

/** The reviewer's record of the last reviewed case: an unsigned QC report with the verdicts. */
export interface RecordReviewRequest {
  type: 'record-review';
  requestId: number;
  checklist: SopChecklistResultInit[];
  reviewer: SigningPerson;
  recordedAt: number;
}

export interface ReviewRecorded {
  report: Uint8Array;
  reportSopInstanceUid: string;
  revises: string | null;
}

export type WorkerRequest = ReviewRequest | PrefetchRequest | DiscrepancyRequest | AdjudicateRequest | StartingMaskRequest | RecordReviewRequest;

export type WorkerAnswer =
  | { type: 'progress'; requestId: number; stage: 'retrieving' | 'comparing'; done: number; total: number; partial?: CaseReviewSummary }
  | { type: 'review'; requestId: number; review: CaseReviewSummary }
  | { type: 'prefetched'; requestId: number }
  | { type: 'discrepancy'; requestId: number; discrepancy: DiscrepancySummary }
  | { type: 'adjudicated'; requestId: number; written: AdjudicationWritten }
  | { type: 'starting-mask'; requestId: number; labels: Uint8Array }
  | { type: 'review-recorded'; requestId: number; recorded: ReviewRecorded }
  | { type: 'error'; requestId: number; message: string };
