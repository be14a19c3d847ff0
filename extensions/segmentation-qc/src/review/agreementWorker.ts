/**
 * The agreement Web Worker: retrieves a case's annotations from the PACS and computes their
 * agreement off the UI thread, reporting progress. It keeps the last case for the overlay.
 */
import { describeFailure } from '../describeFailure';
import { adjudicateReviewedCase, recordReview, startingMask } from './adjudicateInWorker';
import { discrepancyOf, reviewCaseFromPacs, type ReviewedCase } from './caseInWorker';
import { StudyReadCache } from './studyReadCache';
import type { WorkerAnswer, WorkerRequest } from './workerProtocol';

/** The dedicated worker scope, as far as it is used (the DOM and WebWorker libs clash in one program). */
interface WorkerScope {
  postMessage(message: WorkerAnswer, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

let reviewed: ReviewedCase | null = null;
const reads = new StudyReadCache();
/** The latest review asked for: an earlier one still running stops (SupersededReview). */
let latestReview = 0;

const answer = (message: WorkerAnswer, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { requestId } = request;
  if (request.type === 'prefetch') {
    reads.study(request.studyInstanceUid, request.dicomwebRoot, { fetch: (url, init) => fetch(url, init), headers: request.headers }).prefetch()
      .then(() => answer({ type: 'prefetched', requestId }))
      .catch((error: unknown) => answer({ type: 'error', requestId, message: describeFailure(error) }));
    return;
  }
  if (request.type === 'review') {
    reviewed = null;
    latestReview = requestId;
    reviewCaseFromPacs(request, reads, (url, init) => fetch(url, init), (stage, done, total, partial) => answer({ type: 'progress', requestId, stage, done, total, ...(partial ? { partial } : {}) }), () => latestReview === requestId)
      .then((result) => {
        reviewed = result.reviewed;
        answer({ type: 'review', requestId, review: result.summary });
      })
      .catch((error: unknown) => answer({ type: 'error', requestId, message: describeFailure(error) }));
    return;
  }
  try {
    if (!reviewed) throw new Error('no case has been reviewed yet');
    if (request.type === 'discrepancy') {
      const discrepancy = discrepancyOf(reviewed, request);
      answer({ type: 'discrepancy', requestId, discrepancy }, [discrepancy.labels.buffer]);
    } else if (request.type === 'starting-mask') {
      const labels = startingMask(reviewed, request);
      answer({ type: 'starting-mask', requestId, labels }, [labels.buffer]);
    } else if (request.type === 'record-review') {
      const recorded = recordReview(reviewed, request);
      answer({ type: 'review-recorded', requestId, recorded }, [recorded.report.buffer]);
    } else {
      const written = adjudicateReviewedCase(reviewed, request);
      answer({ type: 'adjudicated', requestId, written }, [written.referenceSeg.buffer, written.report.buffer]);
    }
  } catch (error) {
    answer({ type: 'error', requestId, message: describeFailure(error) });
  }
});
