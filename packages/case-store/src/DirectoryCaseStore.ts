/**
 * The programme's case store in a local folder (issue 17's "local embedded store"): one small row
 * file per case (`cases/`: the overview's summary and the triage, what every programme page reads)
 * and one result file (`results/`: the whole `segqc qc` result), named by the SHA-256 of the Study
 * Instance UID (a UID from the PACS never becomes a path), written whole by rename so that a reader
 * never sees half a file. A file that does not parse is left out: the next sync writes it again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseStoreEntry, CaseStoreSync } from '@segqc/core';

/** An entry without its result: what the pages read. */
export type CaseStoreRow = Omit<CaseStoreEntry, 'result'>;

const fileOf = (studyInstanceUid: string) => `${createHash('sha256').update(studyInstanceUid).digest('hex')}.json`;

function parsed<T>(text: string, isValid: (value: unknown) => boolean): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return isValid(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

const isRow = (value: unknown): boolean => {
  const row = value as Partial<CaseStoreRow> | null;
  return typeof row === 'object' && row !== null && typeof row.studyInstanceUid === 'string' && typeof row.key === 'string' && typeof row.summary === 'object' && typeof row.triage === 'object';
};

export class DirectoryCaseStore<Result = unknown> {
  private readonly rows: string;
  private readonly results: string;
  private readonly syncFile: string;

  constructor(readonly dir: string) {
    this.rows = join(dir, 'cases');
    this.results = join(dir, 'results');
    this.syncFile = join(dir, 'sync.json');
    for (const folder of [this.rows, this.results]) mkdirSync(folder, { recursive: true, mode: 0o700 });
  }

  /** Every case's row, read concurrently (the gateway answers the programme pages from these). */
  async allRows(): Promise<CaseStoreRow[]> {
    const files = (await readdir(this.rows)).filter((name) => name.endsWith('.json'));
    const rows = await Promise.all(files.map(async (name) => parsed<CaseStoreRow>(await readFile(join(this.rows, name), 'utf8').catch(() => ''), isRow)));
    return rows.filter((row): row is CaseStoreRow => row !== null);
  }

  /** The rows by Study Instance UID, read at once (the sync compares them with the PACS). */
  rowsByStudy(): Map<string, CaseStoreRow> {
    const rows = new Map<string, CaseStoreRow>();
    for (const name of readdirSync(this.rows).filter((file) => file.endsWith('.json'))) {
      const row = parsed<CaseStoreRow>(readFileSync(join(this.rows, name), 'utf8'), isRow);
      if (row) rows.set(row.studyInstanceUid, row);
    }
    return rows;
  }

  /** The whole result of the case's kept version, or null. */
  result(studyInstanceUid: string): Result | null {
    try {
      return JSON.parse(readFileSync(join(this.results, fileOf(studyInstanceUid)), 'utf8')) as Result;
    } catch {
      return null;
    }
  }

  /** Keeps the entry: the result first, so that a row is never there without its result. */
  put(entry: CaseStoreEntry<Result>): void {
    const { result, ...row } = entry;
    const file = fileOf(entry.studyInstanceUid);
    this.writeWhole(join(this.results, file), JSON.stringify(result));
    this.writeWhole(join(this.rows, file), JSON.stringify(row));
  }

  /** Forgets a case no longer in the PACS. */
  remove(studyInstanceUid: string): void {
    const file = fileOf(studyInstanceUid);
    rmSync(join(this.rows, file), { force: true });
    rmSync(join(this.results, file), { force: true });
  }

  sync(): CaseStoreSync | null {
    try {
      return JSON.parse(readFileSync(this.syncFile, 'utf8')) as CaseStoreSync;
    } catch {
      return null;
    }
  }

  putSync(sync: CaseStoreSync): void {
    this.writeWhole(this.syncFile, JSON.stringify(sync));
  }

  private writeWhole(file: string, text: string): void {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
  }
}
