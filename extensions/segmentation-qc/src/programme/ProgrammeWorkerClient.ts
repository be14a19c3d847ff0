import type {
  InventoryRequest, ProgrammeInventoryResult, ProgrammeReliabilityResult, ProgrammeStage, ProgrammeWorkerAnswer, ProgrammeWorkerRequest, ReliabilityRequest,
} from './programmeWorkerProtocol';

/** What the client needs of a Worker (a fake in tests). */
export interface ProgrammeWorkerLike {
  postMessage(message: ProgrammeWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ProgrammeWorkerAnswer }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface ProgrammeProgress {
  stage: ProgrammeStage;
  done: number;
  total: number;
}

export class ProgrammeWorkerError extends Error {
  override readonly name = 'ProgrammeWorkerError';
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: ProgrammeProgress) => void;
}

type Request<R> = Omit<R, 'type' | 'requestId'>;

/** Requests to the programme worker as promises; progress arrives through a callback. */
export class ProgrammeWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: ProgrammeWorkerLike) {
    worker.addEventListener('message', ({ data }) => this.answer(data));
    // A worker that fails to load or throws outside a request fails every open request.
    worker.addEventListener('error', (event) => this.failAll(new ProgrammeWorkerError(`the programme worker stopped: ${event.message ?? 'it could not be loaded'}`)));
  }

  inventory(request: Request<InventoryRequest>, onProgress?: (progress: ProgrammeProgress) => void): Promise<ProgrammeInventoryResult> {
    return this.send({ ...request, type: 'inventory', requestId: this.nextId++ }, onProgress) as Promise<ProgrammeInventoryResult>;
  }

  reliability(request: Request<ReliabilityRequest>, onProgress?: (progress: ProgrammeProgress) => void): Promise<ProgrammeReliabilityResult> {
    return this.send({ ...request, type: 'reliability', requestId: this.nextId++ }, onProgress) as Promise<ProgrammeReliabilityResult>;
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll(new ProgrammeWorkerError('the page was closed'));
  }

  private send(request: ProgrammeWorkerRequest, onProgress?: (progress: ProgrammeProgress) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.requestId, { resolve, reject, onProgress });
      this.worker.postMessage(request);
    });
  }

  private answer(data: ProgrammeWorkerAnswer): void {
    const pending = this.pending.get(data.requestId);
    if (!pending) return;
    if (data.type === 'progress') {
      pending.onProgress?.({ stage: data.stage, done: data.done, total: data.total });
      return;
    }
    this.pending.delete(data.requestId);
    if (data.type === 'error') pending.reject(new ProgrammeWorkerError(data.message));
    else pending.resolve(data.result);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
