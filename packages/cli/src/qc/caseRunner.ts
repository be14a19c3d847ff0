import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { judgedCase, type QcCaseContext } from './qcCase';
import type { JudgedCase } from './QcCaseResult';
import type { QcCaseAnswer, QcCaseRequest, QcWorkerData } from './workerProtocol';

/** Judges cases one at a time: a worker thread, or (tests) the calling thread. */
export interface CaseRunner {
  run(studyInstanceUid: string): Promise<JudgedCase>;
  close(): Promise<void>;
}

/** Runs cases in the calling thread. */
export function inProcessRunner(context: QcCaseContext): CaseRunner {
  return { run: (study) => judgedCase(study, context), close: async () => undefined };
}

/**
 * Runs cases in a worker thread (dist/qc/qcWorker.js). A worker that dies (out of memory, a crash)
 * fails its case with the reason and is replaced for the next one.
 */
export class WorkerCaseRunner implements CaseRunner {
  private worker: Worker | null = null;
  /** The case in work, and the worker judging it: a dead worker's late events must not settle the next case. */
  private pending: { worker: Worker; resolve: (judged: JudgedCase) => void; reject: (error: Error) => void } | null = null;

  constructor(private readonly data: QcWorkerData, private readonly script = join(__dirname, 'qcWorker.js')) {}

  run(studyInstanceUid: string): Promise<JudgedCase> {
    if (this.pending) return Promise.reject(new Error('a worker judges one case at a time'));
    const worker = this.worker ?? this.start();
    return new Promise<JudgedCase>((resolve, reject) => {
      this.pending = { worker, resolve, reject };
      worker.postMessage({ kind: 'case', studyInstanceUid } satisfies QcCaseRequest);
    }).catch((error: Error): JudgedCase => ({
      result: {
        studyInstanceUid, status: 'failed', sourceSeriesInstanceUid: null, modality: null, annotations: [], excluded: [], warnings: [], unreadable: [], sop: null, sopReason: null, state: null,
        verdict: null, structures: [], pairs: [], report: null, error: `the worker judging it stopped: ${error.message}`, seconds: 0,
      },
      inventory: null,
    }));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: this.data });
    const settle = (outcome: { judged: JudgedCase } | { error: Error }) => {
      const pending = this.pending;
      if (!pending || pending.worker !== worker) return;
      this.pending = null;
      if ('judged' in outcome) pending.resolve(outcome.judged);
      else pending.reject(outcome.error);
    };
    worker.on('message', (answer: QcCaseAnswer) => settle({ judged: { result: answer.result, inventory: answer.inventory } }));
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      settle({ error });
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      settle({ error: new Error(`it exited with code ${code}`) });
    });
    this.worker = worker;
    return worker;
  }
}
