/**
 * The gateway's append-only journal of writes: one JSON line per object it forwarded to the PACS
 * and the PACS accepted — when, who (issuer, subject, login, roles; null without sign-in), the
 * object's UIDs and the SHA-256 of its bytes as forwarded — each line chained to the one before by
 * the SHA-256 of that line's record, so that a line changed, removed or inserted shows. A line is
 * written and fsync'ed before the STOW answer goes back: the PACS is the system of record, the
 * journal is what says an object that went missing was there (`segqc audit verify --journal`).
 *
 * Append-only files, not a database: one writer (this gateway), records never updated, and a
 * file a regulator can read with any tool; the chain, not the file system, makes it tamper-evident.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '@segqc/core';
import type { SegqcRole } from './segqcRoles';

/** What is recorded of one object the PACS accepted. */
export interface JournalEntry {
  /** ISO 8601 instant (UTC) the PACS answered. */
  at: string;
  issuer: string | null;
  subject: string | null;
  login: string | null;
  roles: SegqcRole[];
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  /** SHA-256 of the Part 10 bytes as forwarded to the PACS, lowercase hex. */
  sha256: string;
  /** The PACS's STOW-RS status (200, or 202 when it stored only part of the request). */
  pacsStatus: number;
}

export interface JournalRecord extends JournalEntry {
  /** 1 for the first record, then one more each line. */
  seq: number;
  /** The previous record's `hash`; 64 zeros for the first. */
  previous: string;
  /** SHA-256 of the canonical JSON of the record without `hash`. */
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** The journal file is not what the gateway wrote: the line, and what is wrong with it. */
export class JournalChainError extends Error {
  override readonly name = 'JournalChainError';

  constructor(readonly line: number, reason: string) {
    super(`the journal's line ${line} ${reason}`);
  }
}

export function recordHash(record: Omit<JournalRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

/** Every record of a journal's text, each checked against its own hash and its predecessor; throws JournalChainError at the first that is not. */
export function readJournal(text: string): JournalRecord[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let previous = GENESIS;
  return lines.map((line, n) => {
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      throw new JournalChainError(n + 1, 'is not JSON');
    }
    const { hash, ...rest } = record;
    if (record.seq !== n + 1) throw new JournalChainError(n + 1, `has sequence number ${String(record.seq)}: a record was removed or inserted before it`);
    if (record.previous !== previous) throw new JournalChainError(n + 1, 'does not follow the record before it: a record was removed, inserted or changed');
    if (recordHash(rest) !== hash) throw new JournalChainError(n + 1, 'was changed after it was written (its hash does not match)');
    previous = hash;
    return record;
  });
}

export class WriteJournal {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    private seq: number,
    private previous: string,
  ) {}

  /** Opens (or creates, mode 0600) the journal; refuses one whose chain is broken, so that no record is added to a journal that was tampered with. */
  static open(path: string): WriteJournal {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const records = existsSync(path) ? readJournal(readFileSync(path, 'utf8')) : [];
    const last = records[records.length - 1];
    return new WriteJournal(path, openSync(path, 'a', 0o600), last?.seq ?? 0, last?.hash ?? GENESIS);
  }

  /** Appends one record per entry and waits for them to reach the disk. */
  append(entries: readonly JournalEntry[]): JournalRecord[] {
    const records = entries.map((entry) => {
      const record = { ...entry, seq: this.seq + 1, previous: this.previous };
      const full: JournalRecord = { ...record, hash: recordHash(record) };
      this.seq = full.seq;
      this.previous = full.hash;
      return full;
    });
    if (records.length === 0) return records;
    writeSync(this.fd, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    fsyncSync(this.fd);
    return records;
  }

  close(): void {
    closeSync(this.fd);
  }
}
