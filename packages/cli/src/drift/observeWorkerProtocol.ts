import type { CaseInventory, CaseObservationOutcome } from '@segqc/core';

/** What each reading worker thread is started with (workerData). The token stays in memory, never in argv or the environment. */
export interface ObserveWorkerData {
  root: string;
  token: string | null;
}

/** Main thread → worker: observe this case. */
export interface ObserveCaseRequest {
  kind: 'case';
  inventory: CaseInventory;
}

/** Worker → main thread: the case's observations, or why they could not be made. */
export type ObserveCaseAnswer = { kind: 'outcome'; outcome: CaseObservationOutcome } | { kind: 'error'; message: string };
