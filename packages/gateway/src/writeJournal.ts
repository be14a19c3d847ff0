/**
 * The gateway's append-only journal of writes: one JSON line per object it forwarded to the PACS
 * and the PACS accepted — when, who (issuer, subject, login, roles; null without sign-in), the
 * object's UIDs and the SHA-256 of its bytes as forwarded — each line chained to the one before
 * (the record format and the chain: @segqc/core audit/journalRecords.ts). A line is written and
 * fsync'ed before the STOW answer goes back: the PACS is the system of record, the journal is what
 * says an object that went missing was there (`segqc audit verify --journal`).
 *
 * Append-only files, not a database: one writer (this gateway), records never updated, and a
 * file a regulator can read with any tool; the chain, not the file system, makes it tamper-evident.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { nextJournalRecord, readJournal, type JournalEntry, type JournalRecord } from '@segqc/core';

export class WriteJournal {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    private last: JournalRecord | undefined,
  ) {}

  /** Opens (or creates, mode 0600) the journal; refuses one whose chain is broken (JournalChainError), so that no record is added to a journal that was tampered with. */
  static open(path: string): WriteJournal {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const records = existsSync(path) ? readJournal(readFileSync(path, 'utf8')) : [];
    return new WriteJournal(path, openSync(path, 'a', 0o600), records[records.length - 1]);
  }

  /** Appends one record per entry and waits for them to reach the disk. */
  append(entries: readonly JournalEntry[]): JournalRecord[] {
    const records = entries.map((entry) => (this.last = nextJournalRecord(entry, this.last)));
    if (records.length === 0) return records;
    writeSync(this.fd, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    fsyncSync(this.fd);
    return records;
  }

  close(): void {
    closeSync(this.fd);
  }
}
