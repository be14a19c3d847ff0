/**
 * A worker thread of `segqc drift` / `segqc report --html` (node:worker_threads): observes the
 * cases the main thread sends, one at a time, each read by the worker itself from the PACS (core
 * observeCaseFromPacs, under the SOP in force for the case from the library it was started with),
 * and answers with the case's observations.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { observeCaseFromPacs, revivedSop } from '@segqc/core';
import { PacsConnection } from '../auth/PacsConnection';
import type { ObserveCaseAnswer, ObserveCaseRequest, ObserveWorkerData } from './observeWorkerProtocol';

if (!parentPort) throw new Error('observeWorker runs as a worker thread of `segqc drift`');
const port = parentPort;
const { root, credential, issued, sops } = workerData as ObserveWorkerData;
const { read } = new PacsConnection(credential, { seed: issued });
const library = sops.map(revivedSop);

port.on('message', (request: ObserveCaseRequest) => {
  observeCaseFromPacs(root, request.inventory, read, library).then(
    (outcome) => port.postMessage({ kind: 'outcome', outcome } satisfies ObserveCaseAnswer),
    (error: unknown) => port.postMessage({ kind: 'error', message: error instanceof Error ? error.message || error.name : String(error) } satisfies ObserveCaseAnswer),
  );
});
