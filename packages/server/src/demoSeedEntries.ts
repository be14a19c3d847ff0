import type { JournalEntry } from '@segqc/core';
import { journalEntryOf, type JournalAuthor } from '@segqc/gateway';
import type { SeededObject } from './seededObject';

/** The login the journal gives the demo seed: the objects `npm start` stores itself, no user behind them. */
export const DEMO_SEED_LOGIN = 'segqc-demo-seed';

const SEED: JournalAuthor = { issuer: null, subject: null, login: DEMO_SEED_LOGIN, roles: [] };

/** The journal's entries for the demo objects the seed stored (the PACS accepted them), each by its author and with its signature. */
export function demoSeedEntries(objects: readonly SeededObject[]): JournalEntry[] {
  const at = new Date().toISOString();
  return objects.flatMap(({ bytes, author, signature }) => {
    const entry = journalEntryOf(bytes, author ?? SEED);
    return entry ? [{ ...entry, at, pacsStatus: 200, ...(signature ? { signature } : {}) }] : [];
  });
}
