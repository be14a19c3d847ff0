// The pages' side of the programme worker: requests as promises, progress through a callback,
// errors (in a request, or the worker itself failing) as rejections.
import { ProgrammeWorkerClient, type ProgrammeWorkerLike } from './ProgrammeWorkerClient';
import type { ProgrammeWorkerAnswer, ProgrammeWorkerRequest } from './programmeWorkerProtocol';

function fakeWorker() {
  const listeners: Record<string, Array<(event: never) => void>> = { message: [], error: [] };
  const posted: ProgrammeWorkerRequest[] = [];
  let terminated = false;
  const worker: ProgrammeWorkerLike = {
    postMessage: (message) => posted.push(message),
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => listeners[type].push(listener),
    terminate: () => {
      terminated = true;
    },
  } as ProgrammeWorkerLike;
  return {
    worker,
    posted,
    terminated: () => terminated,
    answer: (data: ProgrammeWorkerAnswer) => listeners.message.forEach((l) => l({ data } as never)),
    fail: (message: string) => listeners.error.forEach((l) => l({ message } as never)),
  };
}

const request = { dicomwebRoot: 'http://host/dicom-web', headers: { Authorization: 'Bearer t' } };
const empty = { cases: [], studiesWithoutSegs: 0, skipped: [] };

it('sends typed, numbered requests and resolves each with its own answer, reporting progress meanwhile', async () => {
  const fake = fakeWorker();
  const client = new ProgrammeWorkerClient(fake.worker);
  const progress: unknown[] = [];
  const inventory = client.inventory(request, (p) => progress.push(p));
  const reliability = client.reliability(request);
  expect(fake.posted).toEqual([{ ...request, type: 'inventory', requestId: 1 }, { ...request, type: 'reliability', requestId: 2 }]);
  fake.answer({ type: 'progress', requestId: 1, stage: 'inventory', done: 1, total: 3 });
  fake.answer({ type: 'error', requestId: 2, message: 'the PACS answered HTTP 503' });
  fake.answer({ type: 'inventory', requestId: 1, result: { ...empty, studiesWithoutSegs: 4 } });
  await expect(inventory).resolves.toEqual({ ...empty, studiesWithoutSegs: 4 });
  await expect(reliability).rejects.toMatchObject({ name: 'ProgrammeWorkerError', message: 'the PACS answered HTTP 503' });
  expect(progress).toEqual([{ stage: 'inventory', done: 1, total: 3 }]);
});

it('a worker that fails fails every open request; dispose terminates it', async () => {
  const fake = fakeWorker();
  const client = new ProgrammeWorkerClient(fake.worker);
  const pending = client.inventory(request);
  fake.fail('Failed to fetch a dynamically imported module');
  await expect(pending).rejects.toThrow('the programme worker stopped: Failed to fetch a dynamically imported module');
  const closed = client.reliability(request);
  client.dispose();
  await expect(closed).rejects.toThrow('the page was closed');
  expect(fake.terminated()).toBe(true);
});
