import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadFetchLike } from '@segqc/core';
import { UnsecuredJWT } from 'jose';
import type { CaseRunner } from './caseRunner';
import type { QcCaseResult } from './QcCaseResult';
import { runQc, type QcJson } from './runQc';
import type { QcWorkerData } from './workerProtocol';

// Why: the run around the cases — which studies, how many at once, what is skipped on a rerun,
// what the state file keeps after each case, what is printed and the exit code — decides whether
// a nightly batch over thousands of cases can be trusted and resumed. Cases are judged here by
// stand-in runners (qcCase.test.ts judges real ones).

const PACS = 'https://pacs.test/dicom-web';
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'segqc-runqc-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OUTCOMES: Record<string, Pick<QcCaseResult, 'status' | 'verdict' | 'error'>> = {
  '1.1': { status: 'reviewed', verdict: 'pass', error: null },
  '1.2': { status: 'reviewed', verdict: 'escalate', error: null },
  '1.3': { status: 'not-double-read', verdict: null, error: null },
  '1.4': { status: 'failed', verdict: null, error: 'The PACS answered HTTP 500 for …' },
};
const result = (study: string): QcCaseResult => ({
  studyInstanceUid: study, sourceSeriesInstanceUid: null, modality: 'CT', annotations: [], excluded: [], warnings: [], unreadable: [], sop: null, sopReason: null, state: null,
  structures: OUTCOMES[study].verdict ? [{ label: 'Lung nodule', verdict: OUTCOMES[study].verdict!, escalatedPairs: 0, annotations: [] }] : [], pairs: [], report: null, seconds: 0.5,
  ...OUTCOMES[study],
});

/** Runners that judge from OUTCOMES and record which runner judged what, and how many ran at once. */
function standIns() {
  const judged: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const made: number[] = [];
  const runners = (count: number): CaseRunner[] => {
    made.push(count);
    return Array.from({ length: count }, () => ({
      async run(study: string) {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        judged.push(study);
        return { result: result(study), inventory: null };
      },
      close: async () => undefined,
    }));
  };
  return { runners, judged, made, mostAtOnce: () => mostAtOnce };
}

async function qc(args: string[], runners: (count: number) => CaseRunner[], fetch?: ReadFetchLike) {
  let stdout = '';
  const progress: string[] = [];
  const code = await runQc(['--pacs', PACS, ...args], (text) => (stdout += text), { runners, progress: { write: (text) => progress.push(text) }, now: () => 0, ...(fetch ? { fetch } : {}) });
  return { code, stdout, progress };
}

test('the cases asked for, judged two at a time; the JSON lists them in the order asked; a failed case makes the exit code 1', async () => {
  const run = standIns();
  const { code, stdout, progress } = await qc(['--study', '1.1', '1.2', '1.3', '1.4', '--workers', '2', '--json'], run.runners);
  expect(code).toBe(1);
  expect(run.made).toEqual([2]);
  expect(run.mostAtOnce()).toBe(2);
  const json = JSON.parse(stdout) as QcJson;
  expect(json.cases.map((c) => [c.studyInstanceUid, c.status])).toEqual([['1.1', 'reviewed'], ['1.2', 'reviewed'], ['1.3', 'not-double-read'], ['1.4', 'failed']]);
  expect(json.summary).toMatchObject({ cases: 4, reviewed: 2, resumed: 0, agreed: 1, escalated: 1, notDoubleRead: 1, failed: 1 });
  expect(json.pacs).toBe(PACS);
  expect(progress[0]).toBe('segqc qc: 4 cases\n');
  expect(progress[progress.length - 1]).toMatch(/^segqc qc: 4\/4 cases, 1 escalated, 1 failed, 0 s \(100%\)\n$/);
});

test('--state keeps the reviewed cases after each one; a rerun skips them and tries the others again', async () => {
  const state = join(dir, 'state.json');
  const first = standIns();
  await qc(['--study', '1.1', '1.2', '1.3', '1.4', '--state', state], first.runners);
  const kept = JSON.parse(readFileSync(state, 'utf8'));
  expect(Object.keys(kept.cases).sort()).toEqual(['1.1', '1.2']);
  expect(kept.cases['1.2']).toEqual(result('1.2'));

  const second = standIns();
  const { stdout, progress } = await qc(['--study', '1.1', '1.2', '1.3', '1.4', '--state', state, '--workers', '8'], second.runners);
  expect(second.judged.sort()).toEqual(['1.3', '1.4']);
  expect(second.made).toEqual([2]);
  expect(progress[0]).toBe('segqc qc: 4 cases, 2 done before (--state)\n');
  expect(stdout).toContain('  reviewed         2 (2 from --state)\n');

  const third = standIns();
  await qc(['--study', '1.1', '1.2', '--state', state], third.runners);
  expect([third.made, third.judged]).toEqual([[], []]);
});

test('without --study, the studies of the PACS that hold a SEG', async () => {
  const requests: Array<[string, string | undefined]> = [];
  const fetch: ReadFetchLike = async (url, init) => {
    requests.push([url, init.headers.Authorization]);
    const body = JSON.stringify([
      { '0020000D': { vr: 'UI', Value: ['1.1'] }, '00080061': { vr: 'CS', Value: ['CT', 'SEG'] } },
      { '0020000D': { vr: 'UI', Value: ['1.9'] }, '00080061': { vr: 'CS', Value: ['CT'] } },
      { '0020000D': { vr: 'UI', Value: ['1.2'] }, '00080061': { vr: 'CS', Value: ['MR', 'SEG', 'SR'] } },
    ]);
    return { status: 200, headers: { get: () => 'application/dicom+json' }, text: async () => body, arrayBuffer: async () => new ArrayBuffer(0) };
  };
  const run = standIns();
  const { code, stdout } = await qc(['--token', 'secret'], run.runners, fetch);
  expect(code).toBe(0);
  expect(run.judged.sort()).toEqual(['1.1', '1.2']);
  expect(requests).toEqual([[`${PACS}/studies?includefield=00080061&limit=500&offset=0`, 'Bearer secret']]);
  expect(stdout).toMatch(/^segqc qc: 2 cases in 0 s\n/);
  expect(stdout).not.toContain('secret');
});

// Why: what --write-reports stores must name the access token's user, authenticated, or the
// gateway refuses it; the workers, which store the reports, start from the main thread's token.
const ISSUER = 'https://login.example.org/realms/hospital';

test('--write-reports with a service account\'s client credentials: the reviewer is the token\'s, authenticated; the workers get its token', async () => {
  const secret = join(dir, 'client-secret');
  writeFileSync(secret, 's3cret\n', { mode: 0o600 });
  const env = { SEGQC_OIDC_CLIENT_ID: 'segqc-batch', SEGQC_OIDC_ISSUER: ISSUER, SEGQC_OIDC_CLIENT_SECRET_FILE: secret, SEGQC_OIDC_RESOURCE: 'urn:segqc:dicomweb' };
  const issued = { accessToken: new UnsecuredJWT({ iss: ISSUER, sub: 'segqc-batch', aud: 'segqc-dicomweb' }).encode(), expiresAt: Date.UTC(2100, 0, 1) };
  const granted: unknown[] = [];
  const run = standIns();
  let data: QcWorkerData | undefined;
  const code = await runQc(['--pacs', PACS, '--study', '1.1', '--write-reports'], () => undefined, {
    runners: (count, given) => ((data = given), run.runners(count)),
    env,
    grant: async (settings) => (granted.push(settings), issued),
    progress: { write: () => true },
    now: () => 0,
  });
  expect(code).toBe(0);
  expect(granted).toEqual([{ kind: 'client-credentials', issuer: ISSUER, clientId: 'segqc-batch', clientSecret: 's3cret', audience: 'urn:segqc:dicomweb' }]);
  expect(data).toEqual({
    root: PACS,
    credential: { kind: 'client-credentials', issuer: ISSUER, clientId: 'segqc-batch', clientSecret: 's3cret', audience: 'urn:segqc:dicomweb' },
    issued,
    sopDir: expect.any(String),
    writeReports: { name: 'segqc-batch', login: 'segqc-batch', authentication: { issuer: ISSUER, subject: 'segqc-batch' } },
  });
});

test('--write-reports with a --login that is not the token\'s user: refused before any request', async () => {
  const token = new UnsecuredJWT({ iss: ISSUER, sub: '3f2a-77', preferred_username: 'mlindqvist', name: 'Maria Lindqvist' }).encode();
  const requests: string[] = [];
  const fetch: ReadFetchLike = async (url) => {
    requests.push(url);
    throw new Error('not asked');
  };
  const run = standIns();
  await expect(runQc(['--pacs', PACS, '--write-reports', '--reviewer', 'Chen^Alex', '--login', 'achen'], () => undefined, {
    runners: run.runners, env: { SEGQC_DICOMWEB_TOKEN: token }, fetch, progress: { write: () => true }, now: () => 0,
  })).rejects.toThrow(expect.objectContaining({ name: 'UsageError', message: "--login achen is not the access token's user (mlindqvist); what is written names the user signed in" }));
  expect([requests, run.made]).toEqual([[], []]);
});

test('--write-reports without a token: the self-declared reviewer, both --reviewer and --login needed', async () => {
  const run = standIns();
  let data: QcWorkerData | undefined;
  await runQc(['--pacs', PACS, '--study', '1.1', '--write-reports', '--reviewer', 'Lindqvist^Maria', '--login', 'mlindqvist'], () => undefined, {
    runners: (count, given) => ((data = given), run.runners(count)), env: {}, progress: { write: () => true }, now: () => 0,
  });
  expect([data?.credential, data?.issued, data?.writeReports]).toEqual([{ kind: 'none' }, null, { name: 'Lindqvist^Maria', login: 'mlindqvist' }]);
  await expect(runQc(['--pacs', PACS, '--write-reports', '--login', 'mlindqvist'], () => undefined, { runners: run.runners, env: {} })).rejects.toThrow(
    'without an access token that names the writer, give --reviewer NAME --login ID: the objects written name them (self-declared)',
  );
});
