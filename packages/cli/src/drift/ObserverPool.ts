import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseInventory, CaseObservationOutcome } from '@segqc/core';
import type { ObserveCaseAnswer, ObserveCaseRequest, ObserveWorkerData } from './observeWorkerProtocol';

/** Observes cases: in worker threads, or (tests) in the calling thread. */
export interface CaseObserver {
  observe(inventory: CaseInventory): Promise<CaseObservationOutcome>;
  close(): Promise<void>;
}

/**
 * Worker threads (dist/drift/observeWorker.js) observing one case each at a time: a case goes to an
 * idle worker, or to a new one while fewer than the core's concurrency are busy. A worker that dies
 * (out of memory, a crash) rejects its case — the core skips it with the reason — and is not reused.
 */
export class ObserverPool implements CaseObserver {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();

  constructor(private readonly data: ObserveWorkerData, private readonly script = join(__dirname, 'observeWorker.js')) {}

  async observe(inventory: CaseInventory): Promise<CaseObservationOutcome> {
    const worker = this.idle.pop() ?? this.start();
    try {
      const outcome = await ask(worker, inventory);
      this.idle.push(worker);
      return outcome;
    } catch (error) {
      this.all.delete(worker);
      void worker.terminate();
      throw error;
    }
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: this.data });
    this.all.add(worker);
    return worker;
  }
}

function ask(worker: Worker, inventory: CaseInventory): Promise<CaseObservationOutcome> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: { answer: ObserveCaseAnswer } | { error: Error }) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if ('error' in outcome) reject(outcome.error);
      else if (outcome.answer.kind === 'outcome') resolve(outcome.answer.outcome);
      else reject(new Error(outcome.answer.message));
    };
    const onMessage = (answer: ObserveCaseAnswer) => settle({ answer });
    const onError = (error: Error) => settle({ error: new Error(`the worker reading it stopped: ${error.message}`) });
    const onExit = (code: number) => settle({ error: new Error(`the worker reading it exited with code ${code}`) });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ kind: 'case', inventory } satisfies ObserveCaseRequest);
  });
}
