import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryCaseStore } from '@segqc/case-store';
import { demoCohort, generateDemoFiles } from '@segqc/demo-data';
import { stowInstances, type CaseTriage } from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import type { QcCaseResult } from '../../packages/cli/src/qc/QcCaseResult';
import type { SyncOutcome } from '../../packages/cli/src/sync/syncCaseStore';
import { segCopy } from '../harness/segCopy';
import { segqc } from '../harness/segqcCommand';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';

// `segqc sync` keeps the programme's case store in step with the PACS (issue 14's triage, issue
// 17's store): each case judged once per version, with what `segqc qc` finds; nothing judged again
// while nothing changed; a new SEG makes only its case judged again; a case deleted from the PACS
// is forgotten; an edited SOP makes every case judged again. ct-08 is escalated before anyone
// records a review: 7 of its 9 pair × structure rows fail the SOP.
jest.setTimeout(240_000);

const CASES = ['ct-01', 'ct-08', 'mr-01'];
const plans = demoCohort({ cases: CASES });
const studyOf = (caseId: string) => plans.find((plan) => plan.caseId === caseId)!.StudyInstanceUID;
const SOP_DIR = join(__dirname, '..', '..', 'platform-config', 'sops');

let pacs: TestPacs;
let dir: string;
let storeDir: string;
beforeAll(async () => {
  pacs = await startTestPacs(CASES);
  dir = mkdtempSync(join(tmpdir(), 'segqc-sync-'));
  storeDir = join(dir, 'store');
});
afterAll(async () => {
  await pacs?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function sync(sopDir = SOP_DIR): Promise<SyncOutcome> {
  const { code, stdout, stderr } = await segqc(['sync', '--pacs', pacs.dicomwebUrl, '--store', storeDir, '--sop-dir', sopDir, '--workers', '2', '--json']);
  expect([code, stderr]).toEqual([0, expect.stringMatching(/^segqc sync: \d+ cases? in the store/)]);
  return JSON.parse(stdout) as SyncOutcome;
}
const rowOf = async (caseId: string) => (await new DirectoryCaseStore(storeDir).allRows()).find((row) => row.studyInstanceUid === studyOf(caseId));

test('the first pass judges every case as segqc qc does, and ct-08 is escalated before any review', async () => {
  const outcome = await sync();
  expect([outcome.computed.sort(), outcome.unchanged, outcome.removed, outcome.failures]).toEqual([CASES.map(studyOf).sort(), 0, [], []]);

  const qc = JSON.parse((await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--json'])).stdout) as QcJson;
  const store = new DirectoryCaseStore<QcCaseResult>(storeDir);
  for (const expected of qc.cases) expect({ ...store.result(expected.studyInstanceUid)!, seconds: 0 }).toEqual({ ...expected, seconds: 0 });

  const ct08 = (await rowOf('ct-08'))!;
  expect([ct08.summary.label, ct08.summary.state]).toEqual(['CT-08', 'awaiting-review']);
  const triage = ct08.triage as Extract<CaseTriage, { kind: 'judged' }>;
  expect([triage.kind, triage.verdict, triage.sop]).toEqual(['judged', 'escalate', 'ct-lung-nodule@1.2.0']);
  expect(triage.structures.flatMap((s) => s.failing)).toHaveLength(7);
  const escalated = qc.cases.find((c) => c.studyInstanceUid === studyOf('ct-08'))!.structures.filter((s) => s.verdict === 'escalate').map((s) => s.label);
  expect(triage.structures.filter((s) => s.verdict === 'escalate').map((s) => s.label).sort()).toEqual(escalated.sort());
  expect(triage.structures.flatMap((s) => s.failing).every((line) => /^.+ – .+: (Dice|HD95|NSD|missing)/.test(line))).toBe(true);
  expect((await rowOf('ct-01'))!.summary.state).toBe('adjudicated');
});

test('nothing changed: nothing judged; a new SEG: only its case; a deleted study: forgotten', async () => {
  expect((await sync()).computed).toEqual([]);

  const rivera = [...generateDemoFiles({ cases: ['ct-08'] })].find((file) => file.path === plans.find((p) => p.caseId === 'ct-08')!.segs[0]!.path)!;
  const copy = segCopy(rivera.bytes, 'sync/ct-08-again');
  await stowInstances([copy.bytes], { url: pacs.dicomwebUrl, fetch });
  const mr01 = (await (await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: studyOf('mr-01') })).json()) as Array<{ ID: string }>;
  expect((await orthancRest(pacs.orthanc, `/studies/${mr01[0]!.ID}`, { method: 'DELETE' })).status).toBe(200);

  const outcome = await sync();
  expect([outcome.computed, outcome.removed, outcome.cases]).toEqual([[studyOf('ct-08')], [studyOf('mr-01')], 2]);
  expect((await rowOf('ct-08'))!.summary.annotations.map((a) => a.sopInstanceUid)).toContain(copy.sopInstanceUID);
  expect(await rowOf('mr-01')).toBeUndefined();
});

test('an edited SOP judges every case again', async () => {
  const sopDir = join(dir, 'sops');
  cpSync(SOP_DIR, sopDir, { recursive: true });
  const file = join(sopDir, 'ct-lung-nodule.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/"description": "/, '"description": "Edited. '));
  expect((await sync(sopDir)).computed.sort()).toEqual([studyOf('ct-01'), studyOf('ct-08')].sort());
});
