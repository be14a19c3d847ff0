import type { JournalEntry } from '@segqc/core';
import { journalEntryOf } from '@segqc/gateway';

/** The login the journal gives the demo seed: the objects `npm start` stores itself, no user behind them. */
export const DEMO_SEED_LOGIN = 'segqc-demo-seed';

/** The journal's entries for the demo objects the seed stored (the PACS accepted them). */
export function demoSeedEntries(files: readonly Uint8Array[]): JournalEntry[] {
  const at = new Date().toISOString();
  return files.flatMap((bytes) => {
    const entry = journalEntryOf(bytes, { issuer: null, subject: null, login: DEMO_SEED_LOGIN, roles: [] });
    return entry ? [{ ...entry, at, pacsStatus: 200 }] : [];
  });
}
