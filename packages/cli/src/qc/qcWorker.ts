/**
 * A `segqc qc` worker thread (node:worker_threads): judges the cases the main thread sends, one at
 * a time, each fetched by the worker itself from the PACS, and answers with each case's result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { judgedCase } from './qcCase';
import { qcContext } from './qcContext';
import type { QcCaseAnswer, QcCaseRequest, QcWorkerData } from './workerProtocol';

if (!parentPort) throw new Error('qcWorker runs as a worker thread of `segqc qc`');
const port = parentPort;
const context = qcContext(workerData as QcWorkerData);

port.on('message', (request: QcCaseRequest) => {
  void judgedCase(request.studyInstanceUid, context).then(({ result, inventory }) => port.postMessage({ kind: 'result', result, inventory } satisfies QcCaseAnswer));
});
