import type { QcCaseResult } from './QcCaseResult';

/** What each `segqc qc` worker thread is started with (workerData). The token stays in memory, never in argv or the environment. */
export interface QcWorkerData {
  root: string;
  token: string | null;
  sopDir: string;
  writeReports: { name: string; login: string } | null;
}

/** Main thread → worker: judge this case. */
export interface QcCaseRequest {
  kind: 'case';
  studyInstanceUid: string;
}

/** Worker → main thread: the case's result (a failure is a result too). */
export interface QcCaseAnswer {
  kind: 'result';
  result: QcCaseResult;
}
