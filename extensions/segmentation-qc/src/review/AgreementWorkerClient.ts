import { WorkerChannel, type WorkerLike, type WorkerProgress } from '../workerChannel';
import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';
import type {
  AdjudicateRequest, AdjudicationWritten, DiscrepancyRequest, PrefetchRequest, RecordReviewRequest, ReviewRecorded, ReviewRequest, StartingMaskRequest, WorkerAnswer, WorkerRequest,
} from './workerProtocol';

/** The worker's progress on a review; while comparing, the rows computed so far. */
export type ReviewProgress = WorkerProgress<'retrieving' | 'comparing', CaseReviewSummary>;

export class AgreementWorkerError extends Error {
  override readonly name = 'AgreementWorkerError';
}

type Ask<R> = Omit<R, 'type' | 'requestId'>;

/** The value each answer of the agreement worker carries. */
function resultOf(answer: WorkerAnswer): unknown {
  switch (answer.type) {
    case 'review': return answer.review;
    case 'discrepancy': return answer.discrepancy;
    case 'adjudicated': return answer.written;
    case 'starting-mask': return answer.labels;
    case 'review-recorded': return answer.recorded;
    default: return undefined;
  }
}

/** Requests to the agreement worker as promises; progress arrives through a callback. */
export class AgreementWorkerClient {
  private readonly channel: WorkerChannel<WorkerRequest, WorkerAnswer, ReviewProgress['stage'], CaseReviewSummary>;

  constructor(worker: WorkerLike<WorkerRequest, WorkerAnswer>) {
    this.channel = new WorkerChannel(worker, resultOf, (message) => new AgreementWorkerError(message), 'agreement');
  }

  review(request: Ask<ReviewRequest>, onProgress?: (progress: ReviewProgress) => void): Promise<CaseReviewSummary> {
    return this.channel.send({ ...request, type: 'review' }, onProgress);
  }

  /** Reads the study's SEGs and source series ahead of its review; resolves when they are read. */
  prefetch(request: Ask<PrefetchRequest>): Promise<void> {
    return this.channel.send({ ...request, type: 'prefetch' });
  }

  discrepancy(request: Ask<DiscrepancyRequest>): Promise<DiscrepancySummary> {
    return this.channel.send({ ...request, type: 'discrepancy' });
  }

  adjudicate(request: Ask<AdjudicateRequest>): Promise<AdjudicationWritten> {
    const transfer = request.decisions.flatMap((decision) => (decision.method.kind === 'edited' ? [decision.method.words.buffer as ArrayBuffer] : []));
    return this.channel.send({ ...request, type: 'adjudicate' }, undefined, transfer);
  }

  startingMask(request: Ask<StartingMaskRequest>): Promise<Uint8Array> {
    return this.channel.send({ ...request, type: 'starting-mask' });
  }

  recordReview(request: Ask<RecordReviewRequest>): Promise<ReviewRecorded> {
    return this.channel.send({ ...request, type: 'record-review' });
  }
}
