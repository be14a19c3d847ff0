import type { OutboxRecord } from './OutboxRecord';

const STORE = 'writes';
const BY_OWNER = 'byOwner';
/** 2: records carry their owner, indexed by ownerKey. */
const VERSION = 2;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** The outbox's IndexedDB object store: records keyed by SOP Instance UID, indexed by owner. */
export interface OutboxStore {
  get(sopInstanceUID: string): Promise<OutboxRecord | undefined>;
  put(record: OutboxRecord): Promise<void>;
  /** One owner's records (OutboxRecord.ownerKey). */
  ofOwner(ownerKey: string): Promise<OutboxRecord[]>;
  /** Every owner's records. */
  all(): Promise<OutboxRecord[]>;
  /** Deletes these records, bytes and all, in one transaction. */
  delete(sopInstanceUIDs: readonly string[]): Promise<void>;
  /** Deletes every record of one owner in one transaction; resolves to how many there were. */
  deleteOwner(ownerKey: string): Promise<number>;
  close(): void;
}

export async function openOutboxStore(indexedDB: IDBFactory, databaseName: string): Promise<OutboxStore> {
  const opening = indexedDB.open(databaseName, VERSION);
  opening.onupgradeneeded = (event) => {
    const db = opening.result;
    const writes = db.objectStoreNames.contains(STORE) ? opening.transaction!.objectStore(STORE) : db.createObjectStore(STORE, { keyPath: 'sopInstanceUID' });
    // Records of version 1 name no owner: nobody can be shown them, so none are kept.
    if (event.oldVersion === 1) writes.clear();
    if (!writes.indexNames.contains(BY_OWNER)) writes.createIndex(BY_OWNER, 'ownerKey');
  };
  const db = await request(opening);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    get: (uid) => request(store('readonly').get(uid) as IDBRequest<OutboxRecord | undefined>),
    put: async (record) => {
      await request(store('readwrite').put(record));
    },
    ofOwner: (key) => request(store('readonly').index(BY_OWNER).getAll(key) as IDBRequest<OutboxRecord[]>),
    all: () => request(store('readonly').getAll() as IDBRequest<OutboxRecord[]>),
    delete: async (uids) => {
      const writes = store('readwrite');
      for (const uid of uids) writes.delete(uid);
      await committed(writes.transaction);
    },
    deleteOwner: async (key) => {
      const writes = store('readwrite');
      const keys = writes.index(BY_OWNER).getAllKeys(key);
      let count = 0;
      // Deleted in the success handler, while the transaction is still active.
      keys.onsuccess = () => {
        count = keys.result.length;
        for (const uid of keys.result) writes.delete(uid);
      };
      await committed(writes.transaction);
      return count;
    },
    close: () => db.close(),
  };
}
