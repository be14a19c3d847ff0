/**
 * The programme Web Worker: reads the whole programme from the PACS (the inventory for the QC
 * overview; every compared case's SEGs for the reliability dashboard) off the UI thread, reporting
 * progress. The reliability is core reliabilityFromPacs, as `segqc drift` computes it. Built as its own
 * bundle beside the extension (webpack.config.mjs).
 */
import { describeFailure } from '../describeFailure';
import { inventoryFromPacs, programmeReliabilityFromPacs } from './programmeFromPacs';
import type { ProgrammeWorkerAnswer, ProgrammeWorkerRequest } from './programmeWorkerProtocol';

/** The dedicated worker scope, as far as it is used (the DOM and WebWorker libs clash in one program). */
interface WorkerScope {
  postMessage(message: ProgrammeWorkerAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ProgrammeWorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event: MessageEvent<ProgrammeWorkerRequest>) => {
  const request = event.data;
  const { requestId } = request;
  const fetchFromPacs = (url: string, init?: RequestInit) => fetch(url, init);
  const progress = (stage: 'inventory' | 'reading', done: number, total: number) => scope.postMessage({ type: 'progress', requestId, stage, done, total });
  const fail = (error: unknown) => scope.postMessage({ type: 'error', requestId, message: describeFailure(error) });
  if (request.type === 'inventory') {
    inventoryFromPacs(request, fetchFromPacs, progress)
      .then(({ result }) => scope.postMessage({ type: 'inventory', requestId, result }))
      .catch(fail);
  } else {
    programmeReliabilityFromPacs(request, fetchFromPacs, progress)
      .then((result) => scope.postMessage({ type: 'reliability', requestId, result }))
      .catch(fail);
  }
});
