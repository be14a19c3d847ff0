import type { OutboxRecord } from './OutboxRecord';

const STORE = 'writes';
const VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The outbox's IndexedDB object store: records keyed by SOP Instance UID. */
export interface OutboxStore {
  get(sopInstanceUID: string): Promise<OutboxRecord | undefined>;
  put(record: OutboxRecord): Promise<void>;
  all(): Promise<OutboxRecord[]>;
  close(): void;
}

export async function openOutboxStore(indexedDB: IDBFactory, databaseName: string): Promise<OutboxStore> {
  const opening = indexedDB.open(databaseName, VERSION);
  opening.onupgradeneeded = () => {
    if (!opening.result.objectStoreNames.contains(STORE)) opening.result.createObjectStore(STORE, { keyPath: 'sopInstanceUID' });
  };
  const db = await request(opening);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    get: (uid) => request(store('readonly').get(uid) as IDBRequest<OutboxRecord | undefined>),
    put: async (record) => {
      await request(store('readwrite').put(record));
    },
    all: () => request(store('readonly').getAll() as IDBRequest<OutboxRecord[]>),
    close: () => db.close(),
  };
}
