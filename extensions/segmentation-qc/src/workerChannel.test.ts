import { WorkerChannel, type WorkerLike } from './workerChannel';

// The panel's promises over a Web Worker: progress reaches the caller, each answer settles its own
// request (by requestId, in any order), a worker error message rejects it, and a worker that dies
// fails every open request instead of leaving the panel waiting.
type Request = { type: 'square'; requestId: number; n: number };
type Answer =
  | { type: 'square'; requestId: number; value: number }
  | { type: 'progress'; requestId: number; stage: 'working'; done: number; total: number }
  | { type: 'error'; requestId: number; message: string };

function fakeWorker() {
  const listeners: Record<string, (event: any) => void> = {};
  const posted: Array<{ message: Request; transfer: ArrayBuffer[] }> = [];
  const worker: WorkerLike<Request, Answer> = {
    postMessage: (message, transfer) => posted.push({ message, transfer }),
    addEventListener: (type: string, listener: (event: any) => void) => void (listeners[type] = listener),
    terminate: () => undefined,
  } as WorkerLike<Request, Answer>;
  return { worker, posted, reply: (data: Answer) => listeners.message({ data }), die: (message: string) => listeners.error({ message }) };
}

const channelOf = (worker: WorkerLike<Request, Answer>) =>
  new WorkerChannel<Request, Answer, 'working'>(worker, (answer) => (answer.type === 'square' ? answer.value : undefined), (message) => new Error(message), 'test');

test('numbers requests, reports progress and settles each request by its id', async () => {
  const { worker, posted, reply } = fakeWorker();
  const channel = channelOf(worker);
  const progress: number[] = [];
  const buffer = new ArrayBuffer(4);
  const first = channel.send<number>({ type: 'square', n: 3 }, (p) => progress.push(p.done), [buffer]);
  const second = channel.send<number>({ type: 'square', n: 4 });
  expect(posted.map((p) => p.message)).toEqual([{ type: 'square', n: 3, requestId: 1 }, { type: 'square', n: 4, requestId: 2 }]);
  expect(posted[0].transfer).toEqual([buffer]);
  reply({ type: 'progress', requestId: 1, stage: 'working', done: 1, total: 2 });
  reply({ type: 'square', requestId: 2, value: 16 });
  reply({ type: 'error', requestId: 1, message: 'too big' });
  await expect(second).resolves.toBe(16);
  await expect(first).rejects.toThrow('too big');
  expect(progress).toEqual([1]);
});

test('a worker that dies fails every open request with its reason', async () => {
  const { worker, die } = fakeWorker();
  const channel = channelOf(worker);
  const open = [channel.send({ type: 'square', n: 1 }), channel.send({ type: 'square', n: 2 })];
  die('out of memory');
  for (const request of open) await expect(request).rejects.toThrow('the test worker stopped: out of memory');
});

test('a progress message with what is ready so far hands it to the caller; one without leaves it out', async () => {
  type PartialAnswer = Answer | { type: 'progress'; requestId: number; stage: 'working'; done: number; total: number; partial: number[] };
  const { worker, reply } = fakeWorker();
  const channel = new WorkerChannel<Request, PartialAnswer, 'working', number[]>(worker as never, (answer) => (answer.type === 'square' ? answer.value : undefined), (message) => new Error(message), 'test');
  const seen: Array<number[] | undefined> = [];
  const result = channel.send<number>({ type: 'square', n: 5 }, (p) => seen.push(p.partial));
  reply({ type: 'progress', requestId: 1, stage: 'working', done: 1, total: 3, partial: [1] } as never);
  reply({ type: 'progress', requestId: 1, stage: 'working', done: 2, total: 3 });
  reply({ type: 'square', requestId: 1, value: 25 });
  await expect(result).resolves.toBe(25);
  expect(seen).toEqual([[1], undefined]);
});
