import { WorkerChannel, type WorkerLike, type WorkerProgress } from '../workerChannel';
import type {
  InventoryRequest, ProgrammeInventoryResult, ProgrammeReliabilityResult, ProgrammeStage, ProgrammeWorkerAnswer, ProgrammeWorkerRequest, ReliabilityRequest,
} from './programmeWorkerProtocol';

export type ProgrammeWorkerLike = WorkerLike<ProgrammeWorkerRequest, ProgrammeWorkerAnswer>;
export type ProgrammeProgress = WorkerProgress<ProgrammeStage>;

export class ProgrammeWorkerError extends Error {
  override readonly name = 'ProgrammeWorkerError';
}

type Ask<R> = Omit<R, 'type' | 'requestId'>;

/** Requests to the programme worker as promises; progress arrives through a callback. */
export class ProgrammeWorkerClient {
  private readonly channel: WorkerChannel<ProgrammeWorkerRequest, ProgrammeWorkerAnswer, ProgrammeStage>;

  constructor(worker: ProgrammeWorkerLike) {
    this.channel = new WorkerChannel(worker, (answer) => ('result' in answer ? answer.result : undefined), (message) => new ProgrammeWorkerError(message), 'programme');
  }

  inventory(request: Ask<InventoryRequest>, onProgress?: (progress: ProgrammeProgress) => void): Promise<ProgrammeInventoryResult> {
    return this.channel.send({ ...request, type: 'inventory' }, onProgress);
  }

  reliability(request: Ask<ReliabilityRequest>, onProgress?: (progress: ProgrammeProgress) => void): Promise<ProgrammeReliabilityResult> {
    return this.channel.send({ ...request, type: 'reliability' }, onProgress);
  }

  dispose(): void {
    this.channel.close('the page was closed');
  }
}
