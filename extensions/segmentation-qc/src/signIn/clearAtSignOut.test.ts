import { IDBFactory } from 'fake-indexeddb';
import { DurableOutbox } from '../outbox/DurableOutbox';
import { ownerKey, type OutboxOwner } from '../outbox/OutboxOwner';
import { openOutboxStore } from '../outbox/outboxStore';
import type { SendOutcome } from '../outbox/OutboxRecord';
import { clearAtSignOut } from './clearAtSignOut';

// A user who signs out leaves nothing of theirs in the browser: their pending and refused writes,
// bytes and all, and the receipts of stored ones. Another user's writes in the same browser stay.

const ANA: OutboxOwner = { kind: 'signed-in', issuer: 'https://idp.example.org', subject: 'f3a9-77' };
const WEI: OutboxOwner = { kind: 'signed-in', issuer: 'https://idp.example.org', subject: 'c0de-42' };

const write = (n: number) => ({ sopInstanceUID: `2.25.${n}`, studyInstanceUID: '2.25.1000', description: `QC report ${n}`, bytes: new Uint8Array([n]).buffer });

test("sign-out deletes the user's pending, refused and stored writes, and no one else's", async () => {
  const store = await openOutboxStore(new IDBFactory(), 'sign-out');
  const outcomes: SendOutcome[] = [{ ok: true }, { ok: false, retryable: false, message: 'refused' }, { ok: false, retryable: true, message: 'HTTP 503' }, { ok: true }];
  let owner = ANA;
  const outbox = new DurableOutbox({
    store,
    send: async () => outcomes.shift()!,
    owner: () => owner,
    presence: { hold: () => undefined, held: async () => new Set([ownerKey(ANA), ownerKey(WEI)]) },
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  for (const n of [1, 2, 3]) {
    await outbox.enqueue(write(n));
    await outbox.flush();
  }
  owner = WEI;
  await outbox.enqueue(write(4));
  await outbox.flush();
  owner = ANA;
  expect((await outbox.records()).map((r) => r.state)).toEqual(['stored', 'failed', 'pending']);

  expect(await clearAtSignOut(store, ANA)).toBe(3);
  expect(await outbox.records()).toEqual([]);
  expect((await store.all()).map((r) => [r.sopInstanceUID, r.owner])).toEqual([['2.25.4', WEI]]);
});

test('nobody signed in: nothing is deleted', async () => {
  const store = await openOutboxStore(new IDBFactory(), 'nobody');
  const owner: OutboxOwner = { kind: 'self-declared', login: 'wchen' };
  await store.put({ ...write(5), owner, ownerKey: ownerKey(owner), state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, createdAt: 0, updatedAt: 0 });
  expect(await clearAtSignOut(store, null)).toBe(0);
  expect((await store.all()).map((r) => r.sopInstanceUID)).toEqual(['2.25.5']);
});
