import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryCaseStore } from '@segqc/case-store';
import type { CaseInventory, ReadFetchLike } from '@segqc/core';
import { responseOf } from '../../../core/src/dicomweb/dicomwebRead.fixture';
import type { CaseRunner } from '../qc/caseRunner';
import type { QcCaseResult } from '../qc/QcCaseResult';
import { syncCaseStore } from './syncCaseStore';

// Why: the store is kept in step by asking the PACS as little as possible and judging only what
// changed. Between full passes a study whose series and instance counts are unchanged is not asked
// again; a study whose counts changed is keyed again and judged only if its SEGs or SRs differ; a
// full pass keys every study; a study gone from the PACS is forgotten. A fake PACS answers QIDO-RS.

const ROOT = 'https://pacs.test/dicom-web';
interface FakeStudy { uid: string; objects: string[]; counts: string }
let studies: FakeStudy[];
let asked: string[];

const json = (body: unknown) => responseOf({ status: 200, headers: { 'content-type': 'application/dicom+json' }, body: JSON.stringify(body) });
const ui = (value: string) => ({ vr: 'UI', Value: [value] });
const fetchFake: ReadFetchLike = async (url) => {
  const path = new URL(url).pathname.replace('/dicom-web', '');
  asked.push(path);
  if (path === '/studies') {
    return json(studies.map((s) => ({ '0020000D': ui(s.uid), '00080061': { vr: 'CS', Value: ['CT', 'SEG'] }, '00201206': { vr: 'IS', Value: [Number(s.counts.split('/')[0])] }, '00201208': { vr: 'IS', Value: [Number(s.counts.split('/')[1])] }, '00200010': { vr: 'SH', Value: [`CT-${s.uid}`] } })));
  }
  const series = /^\/studies\/([^/]+)\/series$/.exec(path);
  if (series) return json([{ '0020000E': ui(`${series[1]}.5`), '00080060': { vr: 'CS', Value: ['SEG'] } }]);
  const instances = /^\/studies\/([^/]+)\/series\/[^/]+\/instances$/.exec(path);
  if (instances) return json(studies.find((s) => s.uid === instances[1])!.objects.map((uid) => ({ '00080018': ui(uid) })));
  return responseOf({ status: 404 });
};

const judged: string[] = [];
const inventoryOf = (study: string): CaseInventory => ({
  studyInstanceUid: study, sourceSeriesInstanceUid: null, modality: 'CT', annotations: [], references: [], qcReports: [], reviewerChoices: { attributions: {}, structures: {} },
  unreadable: [{ sopInstanceUid: null, seriesInstanceUid: `${study}.5`, modality: 'SEG', reason: 'stands in for a SEG' }], state: 'not-double-read', calibration: false,
});
const runner: CaseRunner = {
  async run(study) {
    judged.push(study);
    return { result: { studyInstanceUid: study, status: 'not-double-read' } as QcCaseResult, inventory: inventoryOf(study) };
  },
  close: async () => undefined,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-sync-'));
  judged.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pass = (full: boolean) => {
  asked = [];
  return syncCaseStore({ pacs: ROOT, read: { fetch: fetchFake }, store: new DirectoryCaseStore<QcCaseResult>(dir), sopLibraryDigest: 'lib-1', runners: [runner], full, now: () => new Date('2026-12-07T21:00:00Z') });
};

test('judges new cases, skips unchanged counts, keys changed counts, judges changed objects, forgets deleted studies', async () => {
  studies = [{ uid: '1.1', objects: ['1.1.9', '1.1.8'], counts: '3/102' }, { uid: '1.2', objects: ['1.2.9'], counts: '2/101' }];
  const first = await pass(false);
  expect([first.computed.sort(), judged.sort()]).toEqual([['1.1', '1.2'], ['1.1', '1.2']]);
  const rows = new DirectoryCaseStore(dir).rowsByStudy();
  expect([rows.get('1.1')!.fingerprint, rows.get('1.1')!.summary.label, rows.get('1.1')!.triage]).toEqual(['3/102', 'CT-1.1', { kind: 'not-double-read' }]);

  judged.length = 0;
  const quiet = await pass(false);
  expect([quiet.unchanged, judged, asked]).toEqual([2, [], ['/studies']]);

  // A report stored and another deleted between passes: the same counts, only a full pass sees it.
  studies[1] = { ...studies[1]!, objects: ['1.2.7'] };
  expect((await pass(false)).computed).toEqual([]);
  expect((await pass(true)).computed).toEqual(['1.2']);

  // New counts, same objects (an image added): keyed, not judged; new objects: judged.
  judged.length = 0;
  studies[0] = { ...studies[0]!, counts: '3/103' };
  expect([(await pass(false)).unchanged, judged]).toEqual([2, []]);
  expect(new DirectoryCaseStore(dir).rowsByStudy().get('1.1')!.fingerprint).toBe('3/103');
  studies[0] = { ...studies[0]!, objects: [...studies[0]!.objects, '1.1.7'], counts: '4/104' };
  expect((await pass(false)).computed).toEqual(['1.1']);

  studies = [studies[0]!];
  const afterDelete = await pass(false);
  expect([afterDelete.removed, afterDelete.cases]).toEqual([['1.2'], 1]);
  expect(new DirectoryCaseStore(dir).sync()).toMatchObject({ pacs: ROOT, finishedAt: '2026-12-07T21:00:00.000Z', pending: [], failures: [] });
});

test('a changed SOP library makes every case judged again', async () => {
  studies = [{ uid: '1.1', objects: ['1.1.9'], counts: '2/101' }];
  await pass(true);
  judged.length = 0;
  const store = new DirectoryCaseStore<QcCaseResult>(dir);
  const outcome = await syncCaseStore({ pacs: ROOT, read: { fetch: fetchFake }, store, sopLibraryDigest: 'lib-2', runners: [runner], full: true });
  expect([outcome.computed, judged]).toEqual([['1.1'], ['1.1']]);
});
