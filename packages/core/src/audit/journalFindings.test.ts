import type { RetrievedObject } from './AuditEvent';
import { journalFindings } from './journalFindings';
import { nextJournalRecord, type JournalEntry, type JournalRecord } from './journalRecords';

// Why: the journal is the only witness of an object deleted from the PACS, or of one stored behind
// the gateway's back; each must be a finding naming the object, and an untouched case none.

const STUDY = '1.2.3';
const SEG = '1.2.840.10008.5.1.4.1.1.66.4';
const SR = '1.2.840.10008.5.1.4.1.1.88.34';
const CT = '1.2.840.10008.5.1.4.1.1.2';

function journal(...objects: Array<[sop: string, sopClass: string, sha: string, study?: string]>): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const [sop, sopClassUid, sha256, study = STUDY] of objects) {
    const entry: JournalEntry = {
      at: '2026-12-07T10:00:00.000Z', issuer: null, subject: null, login: 'arivera', roles: [], studyInstanceUid: study, seriesInstanceUid: `${sop}.0`,
      sopInstanceUid: sop, sopClassUid, sha256, pacsStatus: 200,
    };
    records.push(nextJournalRecord(entry, records[records.length - 1]));
  }
  return records;
}
const held = (sop: string, kind: RetrievedObject['kind'], sha256?: string): [string, RetrievedObject] =>
  [sop, { studyInstanceUid: STUDY, seriesInstanceUid: `${sop}.0`, sopInstanceUid: sop, kind, ...(sha256 ? { sha256 } : {}) }];

test('an untouched case has no finding; images need no record', () => {
  const records = journal(['1.1', SEG, 'a'.repeat(64)], ['1.2', SR, 'b'.repeat(64)], ['9.9', SEG, 'c'.repeat(64), '4.5.6']);
  expect(journalFindings(STUDY, records, new Map([held('1.1', 'seg', 'a'.repeat(64)), held('1.2', 'qc-report', 'b'.repeat(64)), held('1.3', 'image')]))).toEqual([]);
});

test('deleted, changed and unjournaled objects are each a finding naming the object; the latest record of an object counts', () => {
  const records = journal(['1.1', SEG, 'a'.repeat(64)], ['1.2', SR, 'b'.repeat(64)], ['1.4', CT, 'd'.repeat(64)], ['1.2', SR, 'e'.repeat(64)]);
  const findings = journalFindings(STUDY, records, new Map([held('1.2', 'qc-report', 'f'.repeat(64)), held('1.5', 'seg', '0'.repeat(64))]));
  expect(findings.map(({ kind, sopInstanceUid, object, recordedSha256 }) => [kind, sopInstanceUid, object, recordedSha256])).toEqual([
    ['missing', '1.1', 'SEG', undefined],
    ['changed', '1.2', 'SR', 'e'.repeat(64)],
    ['missing', '1.4', 'image', undefined],
    ['unjournaled', '1.5', 'SEG', undefined],
  ]);
  expect(findings[0]!.message).toBe('SEG 1.1 (series 1.1.0) is missing; it was stored by arivera at 2026-12-07T10:00:00.000Z (journal record 1)');
});
