import { IDBFactory } from 'fake-indexeddb';
import { DurableOutbox, backoffDelay } from './DurableOutbox';
import type { OutboxRecord, SendOutcome } from './OutboxRecord';
import { openOutboxStore } from './outboxStore';

// A review or an adjudication that does not reach the PACS is lost work and a hole in the audit
// trail. The outbox keeps every write in IndexedDB until the PACS has it; these tests run it on an
// in-memory IndexedDB with a clock and a PACS the test controls.

const write = (n: number) => ({
  sopInstanceUID: `2.25.${n}`,
  studyInstanceUID: '2.25.1000',
  description: `QC report ${n}`,
  bytes: new Uint8Array([n, n, n]).buffer,
});

function setup(indexedDB = new IDBFactory(), outcomes: SendOutcome[] = []) {
  let now = 1_000_000;
  const sent: string[] = [];
  const timers: number[] = [];
  const open = async () => {
    const store = await openOutboxStore(indexedDB, 'segqc-outbox-test');
    const outbox = new DurableOutbox({
      store,
      send: async (record) => {
        sent.push(record.sopInstanceUID);
        return outcomes.shift() ?? { ok: true };
      },
      backoff: { baseMs: 1000, maxMs: 8000 },
      now: () => now,
      setTimer: (_run, ms) => timers.push(ms),
      clearTimer: () => undefined,
    });
    return { store, outbox };
  };
  return { open, sent, timers, advance: (ms: number) => (now += ms), indexedDB };
}

const states = (records: OutboxRecord[]) => records.map((r) => [r.sopInstanceUID, r.state, r.attempts]);

test('a write is stored in IndexedDB, sent once, and kept as stored without its bytes', async () => {
  const { open, sent } = setup();
  const { outbox } = await open();
  await outbox.enqueue(write(1));
  await outbox.flush();
  expect(sent).toEqual(['2.25.1']);
  const [record] = await outbox.records();
  expect([record.state, record.bytes, record.attempts, record.lastError]).toEqual(['stored', null, 1, null]);
});

test('the same SOP Instance UID enqueued twice is one write, sent once', async () => {
  const { open, sent } = setup();
  const { outbox } = await open();
  await outbox.enqueue(write(7));
  await outbox.enqueue(write(7));
  await outbox.flush();
  expect(sent).toEqual(['2.25.7']);
  expect(await outbox.records()).toHaveLength(1);
});

test('network and server errors are retried with growing delays until the PACS takes the write', async () => {
  const down = { ok: false, retryable: true, message: 'the PACS could not be reached' } as const;
  const { open, sent, timers, advance } = setup(undefined, [down, down]);
  const { outbox } = await open();
  await outbox.enqueue(write(2));
  await outbox.flush();
  let [record] = await outbox.records();
  expect([record.state, record.attempts, record.lastError]).toEqual(['pending', 1, 'the PACS could not be reached']);
  expect(timers.at(-1)).toBe(1000);
  advance(999);
  await outbox.flush();
  expect(sent).toHaveLength(1); // not due yet
  advance(1);
  await outbox.flush();
  expect(timers.at(-1)).toBe(2000);
  advance(2000);
  await outbox.flush();
  [record] = await outbox.records();
  expect([record.state, record.attempts, sent.length]).toEqual(['stored', 3, 3]);
});

test('a refusal is kept as failed with its reason, and Retry sends it again', async () => {
  const refused = { ok: false, retryable: false, message: 'The PACS refused 1 of 1 objects: the data set does not match its SOP class' } as const;
  const { open, sent } = setup(undefined, [refused]);
  const { outbox } = await open();
  await outbox.enqueue(write(3));
  await outbox.flush();
  let [record] = await outbox.records();
  expect([record.state, record.lastError, record.bytes?.byteLength]).toEqual(['failed', refused.message, 3]);
  await outbox.retry('2.25.3');
  [record] = await outbox.records();
  expect([record.state, sent]).toEqual(['stored', ['2.25.3', '2.25.3']]);
});

test('pending writes survive a page reload and are sent by the next page, oldest first', async () => {
  const down = { ok: false, retryable: true, message: 'HTTP 503' } as const;
  const session = setup(new IDBFactory(), [down, down]);
  const first = await session.open();
  await first.outbox.enqueue(write(4));
  await first.outbox.enqueue(write(5));
  await first.outbox.flush();
  expect(states(await first.outbox.records())).toEqual([['2.25.4', 'pending', 1], ['2.25.5', 'pending', 1]]);
  first.outbox.dispose();
  first.store.close();

  session.advance(60_000);
  const reloaded = await session.open();
  await reloaded.outbox.flush();
  expect(states(await reloaded.outbox.records())).toEqual([['2.25.4', 'stored', 2], ['2.25.5', 'stored', 2]]);
  expect(session.sent).toEqual(['2.25.4', '2.25.5', '2.25.4', '2.25.5']);
});

test('a send that throws counts as a network error, not a crash', async () => {
  const store = await openOutboxStore(new IDBFactory(), 'throwing');
  const outbox = new DurableOutbox({ store, send: async () => Promise.reject(new TypeError('Failed to fetch')), setTimer: () => 0, clearTimer: () => undefined });
  await outbox.enqueue(write(6));
  await outbox.flush();
  const [record] = await outbox.records();
  expect([record.state, record.lastError]).toEqual(['pending', 'Failed to fetch']);
});

test('backoff doubles from the base and stops at the maximum', () => {
  const backoff = { baseMs: 1000, maxMs: 8000 };
  expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, backoff))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
});
