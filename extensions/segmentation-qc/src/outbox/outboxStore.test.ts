import { IDBFactory } from 'fake-indexeddb';
import type { OutboxRecord } from './OutboxRecord';
import { ownerKey, type OutboxOwner } from './OutboxOwner';
import { openOutboxStore } from './outboxStore';

// The outbox's IndexedDB store keeps every user's writes of this browser, indexed by owner: one
// user's are read and deleted without touching another's. Records of the first version named no
// owner; nobody can be shown them, so the upgrade does not keep them.

const ANA: OutboxOwner = { kind: 'signed-in', issuer: 'https://idp.example.org', subject: 'f3a9-77' };
const WEI: OutboxOwner = { kind: 'self-declared', login: 'wchen' };

const record = (n: number, owner: OutboxOwner): OutboxRecord => ({
  sopInstanceUID: `2.25.${n}`,
  owner,
  ownerKey: ownerKey(owner),
  studyInstanceUID: '2.25.1000',
  description: `QC report ${n}`,
  bytes: new Uint8Array([n]).buffer,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: n,
  lastError: null,
  createdAt: n,
  updatedAt: n,
});

const uids = (records: OutboxRecord[]) => records.map((r) => r.sopInstanceUID).sort();

test("one owner's records are read and deleted without another's", async () => {
  const store = await openOutboxStore(new IDBFactory(), 'keyed');
  for (const r of [record(1, ANA), record(2, WEI), record(3, ANA)]) await store.put(r);
  expect(uids(await store.ofOwner(ownerKey(ANA)))).toEqual(['2.25.1', '2.25.3']);
  expect(uids(await store.ofOwner(ownerKey(WEI)))).toEqual(['2.25.2']);

  expect(await store.deleteOwner(ownerKey(ANA))).toBe(2);
  expect(uids(await store.all())).toEqual(['2.25.2']);
  expect(await store.deleteOwner(ownerKey(ANA))).toBe(0);

  await store.delete(['2.25.2', '2.25.404']);
  expect(await store.all()).toEqual([]);
});

test('the bytes are stored and read back as written', async () => {
  const store = await openOutboxStore(new IDBFactory(), 'bytes');
  await store.put(record(9, WEI));
  expect([...new Uint8Array((await store.get('2.25.9'))!.bytes!)]).toEqual([9]);
});

test('opening a version-1 outbox drops its ownerless records and indexes the store by owner', async () => {
  const indexedDB = new IDBFactory();
  const v1 = indexedDB.open('upgraded', 1);
  v1.onupgradeneeded = () => v1.result.createObjectStore('writes', { keyPath: 'sopInstanceUID' }).put({ sopInstanceUID: '2.25.77', description: 'written before owners', state: 'pending' });
  await new Promise((resolve) => (v1.onsuccess = resolve));
  v1.result.close();

  const store = await openOutboxStore(indexedDB, 'upgraded');
  expect(await store.all()).toEqual([]);
  await store.put(record(5, ANA));
  expect(uids(await store.ofOwner(ownerKey(ANA)))).toEqual(['2.25.5']);
});
