/**
 * Requests to a Web Worker as promises. Each request carries a requestId; the worker answers it
 * with progress messages, then one result or one error. A worker that fails to load, or throws
 * outside a request, fails every open request.
 */

export interface WorkerProgress<Stage extends string, Partial = never> {
  stage: Stage;
  done: number;
  total: number;
  /** What is ready so far, when the worker sends it before the result (rows as they are computed). */
  partial?: Partial;
}

/** The answers every SegQC worker sends besides its results. */
export type ChannelAnswer<Stage extends string, Partial = never> =
  | { type: 'progress'; requestId: number; stage: Stage; done: number; total: number; partial?: Partial }
  | { type: 'error'; requestId: number; message: string };

/** What the channel needs of a Worker (a fake in tests). */
export interface WorkerLike<Request, Answer> {
  postMessage(message: Request, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: Answer }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

interface Pending<Stage extends string, Partial> {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: WorkerProgress<Stage, Partial>) => void;
}

/** A request as the caller gives it: the channel numbers it. */
export type WithoutRequestId<T> = T extends unknown ? Omit<T, 'requestId'> : never;

export class WorkerChannel<Request extends { requestId: number }, Answer extends { requestId: number; type: string }, Stage extends string, Partial = never> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Stage, Partial>>();

  /**
   * @param resultOf the value a result answer resolves its request with
   * @param failure the error a request is rejected with, from the worker's message
   */
  constructor(
    private readonly worker: WorkerLike<Request, Answer>,
    private readonly resultOf: (answer: Answer) => unknown,
    private readonly failure: (message: string) => Error,
    workerName: string,
  ) {
    worker.addEventListener('message', ({ data }) => this.answer(data));
    worker.addEventListener('error', (event) => this.failAll(failure(`the ${workerName} worker stopped: ${event.message ?? 'it could not be loaded'}`)));
  }

  send<Result>(request: WithoutRequestId<Request>, onProgress?: (progress: WorkerProgress<Stage, Partial>) => void, transfer: ArrayBuffer[] = []): Promise<Result> {
    const requestId = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...request, requestId } as unknown as Request, transfer);
    });
  }

  /** Stops the worker; open requests fail with `reason`. */
  close(reason: string): void {
    this.worker.terminate();
    this.failAll(this.failure(reason));
  }

  private answer(data: Answer): void {
    const pending = this.pending.get(data.requestId);
    if (!pending) return;
    if (data.type === 'progress') {
      const { stage, done, total, partial } = data as unknown as Extract<ChannelAnswer<Stage, Partial>, { type: 'progress' }>;
      pending.onProgress?.({ stage, done, total, ...(partial !== undefined ? { partial } : {}) });
      return;
    }
    this.pending.delete(data.requestId);
    if (data.type === 'error') pending.reject(this.failure((data as unknown as Extract<ChannelAnswer<Stage>, { type: 'error' }>).message));
    else pending.resolve(this.resultOf(data));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
