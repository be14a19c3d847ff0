import { IDBFactory } from 'fake-indexeddb';
import { DurableOutbox, FAILED_WRITE_LIFETIME_MS, backoffDelay, type OutboxRemoval } from './DurableOutbox';
import type { OutboxRecord, SendOutcome } from './OutboxRecord';
import { ForeignWriteError, NoOutboxOwnerError, ownerKey, type OutboxOwner } from './OutboxOwner';
import { openOutboxStore } from './outboxStore';
import type { OwnerPresence } from './OwnerPresence';

// A review or an adjudication that does not reach the PACS is lost work and a hole in the audit
// trail. The outbox keeps every write in IndexedDB until the PACS has it; these tests run it on an
// in-memory IndexedDB with a clock and a PACS the test controls. Each write is its user's: another
// user of the same browser never sees it, never sends it, and it does not outlive its user's presence.

const ANA: OutboxOwner = { kind: 'signed-in', issuer: 'https://idp.example.org', subject: 'f3a9-77' };
const WEI: OutboxOwner = { kind: 'self-declared', login: 'wchen' };
const PRIYA: OutboxOwner = { kind: 'self-declared', login: 'psingh' };

const write = (n: number) => ({
  sopInstanceUID: `2.25.${n}`,
  studyInstanceUID: '2.25.1000',
  description: `QC report ${n}`,
  bytes: new Uint8Array([n, n, n]).buffer,
});

/** Tabs of one browser: this tab holds what it is told; `otherTabs` are the owners other tabs hold. */
function tabsOfOneBrowser(otherTabs: OutboxOwner[] = []) {
  let mine: string | null = null;
  const presence: OwnerPresence = {
    hold: (key) => void (mine = key),
    held: async () => new Set([...otherTabs.map(ownerKey), ...(mine ? [mine] : [])]),
  };
  return { presence, holding: () => mine };
}

function setup(indexedDB = new IDBFactory(), outcomes: SendOutcome[] = [], otherTabs: OutboxOwner[] = []) {
  let now = 1_000_000;
  let owner: OutboxOwner | null = ANA;
  const sent: string[] = [];
  const timers: number[] = [];
  const removals: OutboxRemoval[] = [];
  const tabs = tabsOfOneBrowser(otherTabs);
  const open = async () => {
    const store = await openOutboxStore(indexedDB, 'segqc-outbox-test');
    const outbox = new DurableOutbox({
      store,
      send: async (record) => {
        sent.push(record.sopInstanceUID);
        return outcomes.shift() ?? { ok: true };
      },
      owner: () => owner,
      presence: tabs.presence,
      onRemoved: (removal) => removals.push(removal),
      backoff: { baseMs: 1000, maxMs: 8000 },
      now: () => now,
      setTimer: (_run, ms) => timers.push(ms),
      clearTimer: () => undefined,
    });
    return { store, outbox };
  };
  return {
    open,
    sent,
    timers,
    removals,
    tabs,
    advance: (ms: number) => (now += ms),
    signInAs: (next: OutboxOwner | null) => (owner = next),
    indexedDB,
  };
}

const states = (records: OutboxRecord[]) => records.map((r) => [r.sopInstanceUID, r.state, r.attempts]);
const uids = (records: OutboxRecord[]) => records.map((r) => r.sopInstanceUID);
const refused = { ok: false, retryable: false, message: 'The PACS refused 1 of 1 objects: the data set does not match its SOP class' } as const;

test('a write is stored in IndexedDB with its owner, sent once, and kept as stored without its bytes', async () => {
  const { open, sent } = setup();
  const { outbox } = await open();
  await outbox.enqueue(write(1));
  await outbox.flush();
  expect(sent).toEqual(['2.25.1']);
  const [record] = await outbox.records();
  expect([record.state, record.bytes, record.attempts, record.lastError]).toEqual(['stored', null, 1, null]);
  expect([record.owner, record.ownerKey]).toEqual([ANA, '["signed-in","https://idp.example.org","f3a9-77"]']);
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

test("writes held for a fresh sign-in go together on one Retry, oldest first; a write refused for another reason stays", async () => {
  const stale = { ok: false, retryable: false, message: 'Signing needs a fresh sign-in', needsFreshSignIn: true } as const;
  const { open, sent } = setup(undefined, [refused, stale, stale]);
  const { outbox } = await open();
  await outbox.enqueue(write(4)); // refused: the data set does not match its SOP class
  await outbox.enqueue(write(5)); // the reference SEG, then its report: both need the sign-in
  await outbox.enqueue(write(6));
  await outbox.flush();
  expect((await outbox.records()).map((r) => [r.sopInstanceUID, r.state, r.needsFreshSignIn])).toEqual([['2.25.4', 'failed', false], ['2.25.5', 'failed', true], ['2.25.6', 'failed', true]]);
  await outbox.retry('2.25.6');
  expect(states(await outbox.records())).toEqual([['2.25.4', 'failed', 1], ['2.25.5', 'stored', 2], ['2.25.6', 'stored', 2]]);
  expect(sent).toEqual(['2.25.4', '2.25.5', '2.25.6', '2.25.5', '2.25.6']);
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
  await reloaded.outbox.resume();
  expect(states(await reloaded.outbox.records())).toEqual([['2.25.4', 'stored', 2], ['2.25.5', 'stored', 2]]);
  expect(session.sent).toEqual(['2.25.4', '2.25.5', '2.25.4', '2.25.5']);
  expect(session.removals).toEqual([]);
});

test('a send that throws counts as a network error, not a crash', async () => {
  const store = await openOutboxStore(new IDBFactory(), 'throwing');
  const outbox = new DurableOutbox({
    store,
    send: async () => Promise.reject(new TypeError('Failed to fetch')),
    owner: () => WEI,
    presence: tabsOfOneBrowser().presence,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  await outbox.enqueue(write(6));
  await outbox.flush();
  const [record] = await outbox.records();
  expect([record.state, record.lastError]).toEqual(['pending', 'Failed to fetch']);
});

test('backoff doubles from the base and stops at the maximum', () => {
  const backoff = { baseMs: 1000, maxMs: 8000 };
  expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, backoff))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
});

describe('one outbox, several users of the browser', () => {
  test("each user lists and sends only their own writes; the first user's come back with them", async () => {
    const down = { ok: false, retryable: true, message: 'HTTP 503' } as const;
    const session = setup(new IDBFactory(), [down], [ANA]);
    const { outbox } = await session.open();
    await outbox.enqueue(write(10)); // Ana's, refused for now
    await outbox.flush();
    session.sent.length = 0;

    session.signInAs(WEI);
    await outbox.resume();
    expect(await outbox.records()).toEqual([]);
    await outbox.enqueue(write(11));
    session.advance(60_000); // Ana's write is due again, but Wei's outbox does not send it
    await outbox.flush();
    expect(session.sent).toEqual(['2.25.11']);
    expect(uids(await outbox.records())).toEqual(['2.25.11']);

    // Back to Ana (Wei's tab is gone): her write is sent; Wei's receipt does not stay behind.
    session.signInAs(ANA);
    await outbox.resume();
    expect(states(await outbox.records())).toEqual([['2.25.10', 'stored', 2]]);
    expect(session.sent).toEqual(['2.25.11', '2.25.10']);
    expect(session.removals.map((r) => [r.reason, uids(r.records)])).toEqual([['other-user', ['2.25.11']]]);
  });

  test('a self-declared login is not the signed-in user with the same name', () => {
    const typed: OutboxOwner = { kind: 'self-declared', login: 'f3a9-77' };
    expect(ownerKey(typed)).not.toBe(ownerKey(ANA));
    expect(ownerKey({ kind: 'signed-in', issuer: 'https://other.example.org', subject: 'f3a9-77' })).not.toBe(ownerKey(ANA));
  });

  test('nobody signed in or declared: nothing is queued, and the refusal says why', async () => {
    const session = setup();
    session.signInAs(null);
    const { outbox, store } = await session.open();
    await expect(outbox.enqueue(write(12))).rejects.toBeInstanceOf(NoOutboxOwnerError);
    expect([await store.all(), await outbox.records()]).toEqual([[], []]);
  });

  test("another user's write with the same SOP Instance UID is neither returned nor replaced", async () => {
    const session = setup(new IDBFactory(), [], [ANA]);
    const { outbox, store } = await session.open();
    await outbox.enqueue(write(13));
    session.signInAs(WEI);
    await expect(outbox.enqueue(write(13))).rejects.toBeInstanceOf(ForeignWriteError);
    expect((await store.get('2.25.13'))?.owner).toEqual(ANA);
  });

  test('at the start, writes of users no open tab holds are deleted and announced; a user at work in another tab keeps theirs', async () => {
    const session = setup(new IDBFactory(), [refused, refused, refused], [PRIYA]);
    const { outbox, store } = await session.open();
    for (const [owner, n] of [[ANA, 20], [PRIYA, 21], [WEI, 22]] as const) {
      session.signInAs(owner);
      await outbox.enqueue(write(n));
      await outbox.flush();
    }

    session.signInAs(WEI);
    await outbox.resume();
    expect(session.tabs.holding()).toBe(ownerKey(WEI));
    expect(session.removals.map((r) => [r.reason, uids(r.records)])).toEqual([['other-user', ['2.25.20']]]);
    expect(uids(await store.all()).sort()).toEqual(['2.25.21', '2.25.22']);
    expect(uids(await outbox.records())).toEqual(['2.25.22']);
  });

  test("a tab where nobody is at work keeps no one's writes but those of users in other tabs", async () => {
    const session = setup(new IDBFactory(), [refused, refused], [PRIYA]);
    const { outbox, store } = await session.open();
    await outbox.enqueue(write(30));
    await outbox.flush();
    session.signInAs(PRIYA);
    await outbox.enqueue(write(31));
    await outbox.flush();

    session.signInAs(null); // a new tab, nobody declared yet; Ana's tab is closed
    await outbox.resume();
    expect(session.tabs.holding()).toBeNull();
    expect(uids(await store.all())).toEqual(['2.25.31']);
    expect(session.removals.map((r) => [r.reason, uids(r.records)])).toEqual([['other-user', ['2.25.30']]]);
  });

  test('a write cleared while it was being sent (sign-out) is not brought back by the answer', async () => {
    const store = await openOutboxStore(new IDBFactory(), 'cleared-in-flight');
    const outbox = new DurableOutbox({
      store,
      send: async () => {
        await store.deleteOwner(ownerKey(ANA));
        return { ok: false, retryable: true, message: 'HTTP 503' };
      },
      owner: () => ANA,
      presence: tabsOfOneBrowser().presence,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await outbox.enqueue(write(40));
    await outbox.flush();
    expect(await store.all()).toEqual([]);
  });
});

describe('refused writes: Discard, and the lifetime', () => {
  test('Discard deletes a refused write, bytes and all; pending writes and other users\' are not discarded', async () => {
    const down = { ok: false, retryable: true, message: 'HTTP 503' } as const;
    const session = setup(new IDBFactory(), [refused, down, refused], [ANA]);
    const { outbox, store } = await session.open();
    await outbox.enqueue(write(50));
    await outbox.enqueue(write(51));
    await outbox.flush();
    expect(states(await outbox.records())).toEqual([['2.25.50', 'failed', 1], ['2.25.51', 'pending', 1]]);

    await outbox.discard('2.25.51');
    await outbox.discard('2.25.50');
    expect(uids(await store.all())).toEqual(['2.25.51']);

    session.signInAs(WEI);
    await outbox.enqueue(write(52));
    await outbox.flush();
    session.signInAs(ANA);
    await outbox.discard('2.25.52');
    expect((await store.get('2.25.52'))?.state).toBe('failed');
  });

  test(`a refused write is kept ${FAILED_WRITE_LIFETIME_MS / 86_400_000} days after its refusal, then deleted and announced`, async () => {
    const session = setup(new IDBFactory(), [refused]);
    const { outbox, store } = await session.open();
    await outbox.enqueue(write(60));
    await outbox.flush();
    session.advance(FAILED_WRITE_LIFETIME_MS - 1);
    await outbox.flush();
    expect(states(await outbox.records())).toEqual([['2.25.60', 'failed', 1]]);
    expect(session.removals).toEqual([]);

    session.advance(1);
    await outbox.flush();
    expect(await store.all()).toEqual([]);
    expect(session.removals.map((r) => [r.reason, uids(r.records), r.records[0].description])).toEqual([['expired', ['2.25.60'], 'QC report 60']]);
  });

  test('Retry that is refused again starts the lifetime anew', async () => {
    const session = setup(new IDBFactory(), [refused, refused]);
    const { outbox } = await session.open();
    await outbox.enqueue(write(61));
    await outbox.flush();
    session.advance(FAILED_WRITE_LIFETIME_MS - 10);
    await outbox.retry('2.25.61');
    session.advance(20);
    await outbox.flush();
    expect(states(await outbox.records())).toEqual([['2.25.61', 'failed', 2]]);
  });
});
