import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseStoreEntry, CaseSummary } from '@segqc/core';
import { DirectoryCaseStore } from './DirectoryCaseStore';

const summary = (studyInstanceUid: string): CaseSummary => ({
  studyInstanceUid, label: `CT-${studyInstanceUid}`, patientName: null, patientId: null, studyDate: '20240304', studyDescription: null, state: 'awaiting-review',
  modality: 'CT', calibration: false, annotations: [], annotators: [], sops: [], references: [], qcReports: 0, unreadable: [],
});
const entry = (studyInstanceUid: string, key = 'k1'): CaseStoreEntry<{ pairs: number }> => ({
  studyInstanceUid, key, fingerprint: '3/300', computedAt: '2026-12-07T21:00:00.000Z', summary: summary(studyInstanceUid),
  triage: { kind: 'judged', verdict: 'escalate', sop: 'ct-lung-nodule@1.2.0', structures: [{ label: 'Right lung', verdict: 'escalate', failing: ['A – B: Dice 0.39 < 0.70'] }], outlier: null, excluded: [] },
  result: { pairs: 9 },
});

describe('DirectoryCaseStore', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'segqc-case-store-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each case as a row and a result, replaces it by version and forgets it', async () => {
    const store = new DirectoryCaseStore<{ pairs: number }>(dir);
    store.put(entry('1.2.1'));
    store.put(entry('1.2.2'));
    store.put({ ...entry('1.2.1', 'k2'), result: { pairs: 3 } });
    const rows = (await store.allRows()).sort((a, b) => a.studyInstanceUid.localeCompare(b.studyInstanceUid));
    expect(rows.map((row) => [row.studyInstanceUid, row.key])).toEqual([['1.2.1', 'k2'], ['1.2.2', 'k1']]);
    expect(rows[0]).not.toHaveProperty('result');
    expect(rows[0]!.triage).toEqual(entry('1.2.1').triage);
    expect(store.result('1.2.1')).toEqual({ pairs: 3 });
    expect([...store.rowsByStudy().keys()].sort()).toEqual(['1.2.1', '1.2.2']);
    store.remove('1.2.1');
    expect([...store.rowsByStudy().keys()]).toEqual(['1.2.2']);
    expect(store.result('1.2.1')).toBeNull();
  });

  it('names files by a hash, so a hostile UID never becomes a path, and keeps them private', async () => {
    const store = new DirectoryCaseStore(dir);
    store.put(entry('../../etc/passwd'));
    expect(readdirSync(dir).sort()).toEqual(['cases', 'results']);
    const [file] = readdirSync(join(dir, 'cases'));
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(statSync(join(dir, 'cases', file!)).mode & 0o777).toBe(0o600);
    expect((await store.allRows()).map((row) => row.studyInstanceUid)).toEqual(['../../etc/passwd']);
  });

  it('leaves out a row that does not parse or lacks its fields, and reads the sync state back', async () => {
    const store = new DirectoryCaseStore(dir);
    store.put(entry('1.2.1'));
    writeFileSync(join(dir, 'cases', `${'0'.repeat(64)}.json`), '{"studyInstanceUid": "1.2.9"');
    writeFileSync(join(dir, 'cases', `${'1'.repeat(64)}.json`), '{"studyInstanceUid": "1.2.8"}');
    expect((await store.allRows()).map((row) => row.studyInstanceUid)).toEqual(['1.2.1']);
    expect(store.sync()).toBeNull();
    const sync = { pacs: 'http://pacs/dicom-web', startedAt: '2026-12-07T21:00:00.000Z', finishedAt: null, studiesWithoutSegs: 2, pending: ['1.2.2'], failures: [] };
    store.putSync(sync);
    expect(new DirectoryCaseStore(dir).sync()).toEqual(sync);
  });
});
