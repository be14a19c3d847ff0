import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';
import type {
  AdjudicateRequest, AdjudicationWritten, DiscrepancyRequest, RecordReviewRequest, ReviewRecorded, ReviewRequest, StartingMaskRequest, WorkerAnswer, WorkerRequest,
} from './workerProtocol';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerAnswer }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export interface ReviewProgress {
  stage: 'retrieving' | 'comparing';
  done: number;
  total: number;
}

export class AgreementWorkerError extends Error {
  override readonly name = 'AgreementWorkerError';
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: ReviewProgress) => void;
}

/** Requests to the agreement worker as promises; progress arrives through a callback. */
export class AgreementWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', ({ data }) => this.answer(data));
    // A worker that fails to load or throws outside a request fails every open request.
    worker.addEventListener('error', (event) => this.failAll(new AgreementWorkerError(`the agreement worker stopped: ${event.message ?? 'it could not be loaded'}`)));
  }

  review(request: Omit<ReviewRequest, 'type' | 'requestId'>, onProgress?: (progress: ReviewProgress) => void): Promise<CaseReviewSummary> {
    return this.send({ ...request, type: 'review', requestId: this.nextId++ }, onProgress) as Promise<CaseReviewSummary>;
  }

  discrepancy(request: Omit<DiscrepancyRequest, 'type' | 'requestId'>): Promise<DiscrepancySummary> {
    return this.send({ ...request, type: 'discrepancy', requestId: this.nextId++ }) as Promise<DiscrepancySummary>;
  }

  adjudicate(request: Omit<AdjudicateRequest, 'type' | 'requestId'>): Promise<AdjudicationWritten> {
    const transfer = request.decisions.flatMap((decision) => (decision.method.kind === 'edited' ? [decision.method.words.buffer as ArrayBuffer] : []));
    return this.send({ ...request, type: 'adjudicate', requestId: this.nextId++ }, undefined, transfer) as Promise<AdjudicationWritten>;
  }

  startingMask(request: Omit<StartingMaskRequest, 'type' | 'requestId'>): Promise<Uint8Array> {
    return this.send({ ...request, type: 'starting-mask', requestId: this.nextId++ }) as Promise<Uint8Array>;
  }

  recordReview(request: Omit<RecordReviewRequest, 'type' | 'requestId'>): Promise<ReviewRecorded> {
    return this.send({ ...request, type: 'record-review', requestId: this.nextId++ }) as Promise<ReviewRecorded>;
  }

  private send(request: WorkerRequest, onProgress?: (progress: ReviewProgress) => void, transfer: ArrayBuffer[] = []): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.requestId, { resolve, reject, onProgress });
      this.worker.postMessage(request, transfer);
    });
  }

  private answer(data: WorkerAnswer): void {
    const pending = this.pending.get(data.requestId);
    if (!pending) return;
    if (data.type === 'progress') {
      pending.onProgress?.({ stage: data.stage, done: data.done, total: data.total });
      return;
    }
    this.pending.delete(data.requestId);
    if (data.type === 'error') pending.reject(new AgreementWorkerError(data.message));
    else pending.resolve(data.type === 'review' ? data.review : data.type === 'discrepancy' ? data.discrepancy : data.type === 'adjudicated' ? data.written : data.type === 'review-recorded' ? data.recorded : data.labels);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
