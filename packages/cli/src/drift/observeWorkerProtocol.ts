import type { CaseInventory, CaseObservationOutcome, Sop } from '@segqc/core';
import type { Credential } from '../auth/Credential';
import type { IssuedToken } from '../auth/IssuedToken';

/**
 * What each reading worker thread is started with (workerData). The credential stays in memory,
 * never in argv or the environment; a worker starts from the main thread's token (`issued`) and
 * fetches its own as that one expires. The SOP library the main thread read is handed over once
 * per worker, not read again nor sent with every case.
 */
export interface ObserveWorkerData {
  root: string;
  credential: Credential;
  issued: IssuedToken | null;
  /** The SOP library each case's SOP is chosen from (core sopInForce); structured-cloned, so the worker revives each (revivedSop). */
  sops: readonly Sop[];
}

/** Main thread → worker: observe this case. */
export interface ObserveCaseRequest {
  kind: 'case';
  inventory: CaseInventory;
}

/** Worker → main thread: the case's observations, or why they could not be made. */
export type ObserveCaseAnswer = { kind: 'outcome'; outcome: CaseObservationOutcome } | { kind: 'error'; message: string };
