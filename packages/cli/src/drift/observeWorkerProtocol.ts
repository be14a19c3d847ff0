import type { CaseInventory, CaseObservationOutcome } from '@segqc/core';
import type { Credential } from '../auth/Credential';
import type { IssuedToken } from '../auth/IssuedToken';

/**
 * What each reading worker thread is started with (workerData). The credential stays in memory,
 * never in argv or the environment; a worker starts from the main thread's token (`issued`) and
 * fetches its own as that one expires.
 */
export interface ObserveWorkerData {
  root: string;
  credential: Credential;
  issued: IssuedToken | null;
}

/** Main thread → worker: observe this case. */
export interface ObserveCaseRequest {
  kind: 'case';
  inventory: CaseInventory;
}

/** Worker → main thread: the case's observations, or why they could not be made. */
export type ObserveCaseAnswer = { kind: 'outcome'; outcome: CaseObservationOutcome } | { kind: 'error'; message: string };
