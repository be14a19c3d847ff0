import type { Credential } from '../auth/Credential';
import type { IssuedToken } from '../auth/IssuedToken';
import type { WriterIdentity } from '../auth/writerIdentity';
import type { CaseInventory } from '@segqc/core';
import type { QcCaseResult } from './QcCaseResult';

/**
 * What each `segqc qc` worker thread is started with (workerData). The credential stays in memory,
 * never in argv or the environment; a worker starts from the main thread's token (`issued`) and
 * fetches its own as that one expires.
 */
export interface QcWorkerData {
  root: string;
  credential: Credential;
  issued: IssuedToken | null;
  sopDir: string;
  /** The reviewer the stored reports name, authenticated when the access token names them. */
  writeReports: WriterIdentity | null;
}

/** Main thread → worker: judge this case. */
export interface QcCaseRequest {
  kind: 'case';
  studyInstanceUid: string;
}

/** Worker → main thread: the case's result (a failure is a result too) and the inventory it was judged from. */
export interface QcCaseAnswer {
  kind: 'result';
  result: QcCaseResult;
  inventory: CaseInventory | null;
}
