import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL_GENESIS as GENESIS, JournalChainError, journalRecordHash as recordHash, readJournal, type JournalEntry } from '@segqc/core';
import { WriteJournal } from './writeJournal';

// Why: the journal is what shows that an object went missing from the PACS or that a record was
// rewritten; a chain that a changed, removed or inserted line does not break would prove nothing.

const entry = (n: number): JournalEntry => ({
  at: `2026-12-07T10:00:0${n}.000Z`, issuer: 'https://login.hospital.example', subject: `sub-${n}`, login: 'arivera', roles: ['annotator'],
  studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4', sopInstanceUid: `1.2.3.4.${n}`, sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', sha256: String(n).repeat(64), pacsStatus: 200,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('records chain from the genesis, survive a reopening, and the file is the owner\'s alone', () => {
  const file = join(dir, 'journal', 'writes.jsonl');
  const first = WriteJournal.open(file);
  const [a, b] = first.append([entry(1), entry(2)]);
  first.close();
  const second = WriteJournal.open(file);
  const [c] = second.append([entry(3)]);
  second.close();
  expect([a!.seq, b!.seq, c!.seq]).toEqual([1, 2, 3]);
  expect([a!.previous, b!.previous, c!.previous]).toEqual([GENESIS, a!.hash, b!.hash]);
  const { hash, ...rest } = c!;
  expect(recordHash(rest)).toBe(hash);
  expect(readJournal(readFileSync(file, 'utf8'))).toEqual([a, b, c]);
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

test('a changed, removed or inserted line is found, with its line number, and the journal is not opened for writing', () => {
  const file = join(dir, 'writes.jsonl');
  const journal = WriteJournal.open(file);
  journal.append([entry(1), entry(2), entry(3)]);
  journal.close();
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');

  const changed = [...lines];
  changed[1] = changed[1]!.replace('"login":"arivera"', '"login":"wchen"');
  const removed = [lines[0], lines[2]];
  const forged = JSON.parse(lines[1]!) as Record<string, unknown>;
  const inserted = [lines[0], lines[1], JSON.stringify({ ...forged, sopInstanceUid: '9.9.9' }), lines[2]];
  const cases: Array<[string[], RegExp]> = [
    [changed, /line 2 was changed after it was written/],
    [removed as string[], /line 2 has sequence number 3: a record was removed or inserted before it/],
    [inserted as string[], /line 3 has sequence number 2/],
  ];
  for (const [text, reason] of cases) {
    writeFileSync(file, `${text.join('\n')}\n`);
    expect(() => readJournal(readFileSync(file, 'utf8'))).toThrow(reason);
    expect(() => WriteJournal.open(file)).toThrow(JournalChainError);
  }
});
