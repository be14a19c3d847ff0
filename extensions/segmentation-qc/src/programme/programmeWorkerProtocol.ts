/**
 * Messages between the programme pages (QC overview, reliability dashboard) and the programme Web
 * Worker. Everything crosses by structured clone: plain data only.
 */
import type { CaseSummary, ObservedStructure, ProgrammeReliability } from '@segqc/core';

interface PacsRequest {
  requestId: number;
  /** Absolute DICOMweb root (the worker has no page to resolve a relative one against). */
  dicomwebRoot: string;
  headers: Record<string, string>;
}

/** Every case of the PACS with its QC state (the overview). */
export interface InventoryRequest extends PacsRequest {
  type: 'inventory';
}

/** The programme's reliability: every case's SEGs read and compared (the dashboard). */
export interface ReliabilityRequest extends PacsRequest {
  type: 'reliability';
}

export type ProgrammeWorkerRequest = InventoryRequest | ReliabilityRequest;

/** A case the worker could not use, with the reason: shown, never dropped in silence. */
export interface SkippedCase {
  studyInstanceUid: string;
  reason: string;
}

export interface ProgrammeInventoryResult {
  cases: CaseSummary[];
  /** Studies of the PACS without any SEG. */
  studiesWithoutSegs: number;
  skipped: SkippedCase[];
}

export interface ProgrammeReliabilityResult extends ProgrammeInventoryResult {
  reliability: ProgrammeReliability;
  /** What each compared case's structures were measured against. */
  structures: Array<{ studyInstanceUid: string; structures: ObservedStructure[] }>;
}

/** inventory: cases listed; reading: cases whose SEGs were read and compared. */
export type ProgrammeStage = 'inventory' | 'reading';

export type ProgrammeWorkerAnswer =
  | { type: 'progress'; requestId: number; stage: ProgrammeStage; done: number; total: number }
  | { type: 'inventory'; requestId: number; result: ProgrammeInventoryResult }
  | { type: 'reliability'; requestId: number; result: ProgrammeReliabilityResult }
  | { type: 'error'; requestId: number; message: string };
