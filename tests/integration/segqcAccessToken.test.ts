import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCohort, demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { qcReportSeriesUid, readQcReport, retrieveInstance } from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { segqc, type SegqcRun } from '../harness/segqcCommand';
import { startTestIssuer, type TestIssuer } from '../harness/testIssuer';
import { startTestPacs, type TestPacs } from '../harness/testPacs';

// The built `segqc` against SegQC's gateway with sign-in on, in front of a real Orthanc: without a
// token the gateway's 401 reaches the user as one line saying how to give one; a token in a file
// only its owner reads (SEGQC_DICOMWEB_TOKEN_FILE) is sent by the main thread and every worker;
// a token file others can read is refused before any request; a forged token and a token without
// a SegQC role are refused with the gateway's reason; and the QC reports --write-reports stores
// name the token's user as authenticated, which the gateway requires of every stored object; so
// does the report `segqc report … --stow` stores.
jest.setTimeout(180_000);

const CASES = ['ct-01', 'mr-01'];
const STUDIES = demoCohort({ cases: CASES }).map((plan) => plan.StudyInstanceUID).sort();

let issuer: TestIssuer;
let pacs: TestPacs;
let dir: string;
beforeAll(async () => {
  issuer = await startTestIssuer();
  pacs = await startTestPacs(CASES, { accessTokens: issuer.verifier });
  dir = mkdtempSync(join(tmpdir(), 'segqc-access-token-'));
  writeDemoCohort(join(dir, 'files'), { cases: ['ct-01'] });
});
afterAll(async () => {
  await pacs?.stop();
  await issuer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `segqc ARGS…` with these SegQC settings and none inherited from the shell running the tests. */
const segqcWith = (env: Record<string, string>, args: string[]): Promise<SegqcRun> => segqc(args, env);

function tokenFile(name: string, token: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, `${token}\n`);
  chmodSync(path, mode);
  return path;
}

test('no token: exit 1, the gateway\'s 401 as one line saying how to give one', async () => {
  const { code, stdout, stderr } = await segqcWith({}, ['qc', '--pacs', pacs.dicomwebUrl, '--json']);
  expect([code, stdout]).toEqual([1, '']);
  expect(stderr).toBe(
    'segqc: the PACS asks for an access token (HTTP 401: a bearer access token is required); give one with --token-file FILE or SEGQC_DICOMWEB_TOKEN_FILE '
      + "(a file only you can read), SEGQC_DICOMWEB_TOKEN, or a service account's SEGQC_OIDC_CLIENT_ID, SEGQC_OIDC_ISSUER and SEGQC_OIDC_CLIENT_SECRET_FILE\n",
  );
});

test('SEGQC_DICOMWEB_TOKEN_FILE with a reviewer\'s token: every case judged by two worker threads', async () => {
  const file = tokenFile('reviewer-token', await issuer.token('7c1e-reviewer', { roles: ['reviewer'], preferred_username: 'mlindqvist' }), 0o600);
  const { code, stdout } = await segqcWith({ SEGQC_DICOMWEB_TOKEN_FILE: file }, ['qc', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--json']);
  expect(code).toBe(0);
  const { cases } = JSON.parse(stdout) as QcJson;
  expect(cases.map((c) => [c.studyInstanceUid, c.status]).sort()).toEqual(STUDIES.map((study) => [study, 'reviewed']));
});

test('a token file group members can read: refused before any request, exit 2', async () => {
  const file = tokenFile('shared-token', await issuer.token('7c1e-reviewer', { roles: ['reviewer'] }), 0o640);
  const { code, stdout, stderr } = await segqcWith({ SEGQC_DICOMWEB_TOKEN_FILE: file }, ['qc', '--pacs', pacs.dicomwebUrl]);
  expect([code, stdout, stderr]).toEqual([2, '', `segqc: SEGQC_DICOMWEB_TOKEN_FILE ${file}: permissions 0640 are too open, other users have access to it; chmod 600 ${file}\n`]);
});

test('a forged token: the gateway\'s reason; a token without a SegQC role: its 403 message; never the token', async () => {
  const forged = await issuer.token('7c1e-reviewer', { roles: ['reviewer'] }, issuer.forgingKey);
  const refused = await segqcWith({ SEGQC_DICOMWEB_TOKEN: forged }, ['drift', '--pacs', pacs.dicomwebUrl]);
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim().split('\n').pop()).toBe(
    "segqc: the PACS refused the access token from SEGQC_DICOMWEB_TOKEN (HTTP 401: the access token's signature does not verify); give a valid one with "
      + "--token-file FILE or SEGQC_DICOMWEB_TOKEN_FILE (a file only you can read), SEGQC_DICOMWEB_TOKEN, or a service account's SEGQC_OIDC_CLIENT_ID, SEGQC_OIDC_ISSUER and SEGQC_OIDC_CLIENT_SECRET_FILE",
  );
  const roleless = await issuer.token('9d0a-visitor', { roles: ['Mail.Read'] });
  const forbidden = await segqcWith({}, ['qc', '--pacs', pacs.dicomwebUrl, '--token-file', tokenFile('roleless-token', roleless, 0o600)]);
  expect([forbidden.code, forbidden.stderr]).toEqual([1, 'segqc: the PACS refused the request (HTTP 403): the signed-in user has no SegQC role\n']);
  for (const run of [refused, forbidden]) expect(run.stdout + run.stderr).not.toContain(forged.split('.')[2]);
});

test('--write-reports with a reviewer\'s token: the stored reports name the token\'s user, authenticated by the issuer', async () => {
  const file = tokenFile('writer-token', await issuer.token('7c1e-reviewer', { roles: ['reviewer'], preferred_username: 'mlindqvist', name: 'Lindqvist^Maria' }), 0o600);
  const { code, stdout, stderr } = await segqcWith({ SEGQC_DICOMWEB_TOKEN_FILE: file }, ['qc', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--write-reports', '--json']);
  expect([code, stderr.split('\n')[0], (JSON.parse(stdout) as QcJson).cases.map((c) => c.error)]).toEqual([0, 'segqc qc: 2 cases', [null, null]]);
  const { cases, summary } = JSON.parse(stdout) as QcJson;
  expect(summary.reportsWritten).toBe(2);
  // Read back from Orthanc itself, with the credential only the gateway holds.
  const read = { fetch: (url: string, init: { method: 'GET'; headers: Record<string, string> }) => fetch(url, init), headers: { Authorization: pacs.orthanc.authorization } };
  for (const result of cases) {
    const ids = { studyInstanceUid: result.studyInstanceUid, seriesInstanceUid: qcReportSeriesUid(result.studyInstanceUid), sopInstanceUid: result.report!.sopInstanceUid };
    const { qc } = readQcReport(await retrieveInstance(pacs.orthanc.dicomwebUrl, ids, read));
    expect(qc!.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'reviewer', authentication: { issuer: issuer.issuer, subject: '7c1e-reviewer' } });
  }
});

test('--write-reports with a --login that is not the token\'s user: refused, exit 2, nothing stored', async () => {
  const file = tokenFile('other-token', await issuer.token('7c1e-reviewer', { roles: ['reviewer'], preferred_username: 'mlindqvist' }), 0o600);
  const { code, stdout, stderr } = await segqcWith({ SEGQC_DICOMWEB_TOKEN_FILE: file }, ['qc', '--pacs', pacs.dicomwebUrl, '--write-reports', '--login', 'achen']);
  expect([code, stdout, stderr]).toEqual([2, '', "segqc: --login achen is not the access token's user (mlindqvist); what is written names the user signed in\n"]);
});

test('report --stow with a reviewer\'s token: the stored report\'s observer is the token\'s user, authenticated; another observer is refused', async () => {
  const ct = demoManifest({ cases: ['ct-01'] }).cases[0];
  const file = tokenFile('report-token', await issuer.token('7c1e-reviewer', { roles: ['reviewer'], preferred_username: 'mlindqvist', name: 'Lindqvist^Maria' }), 0o600);
  const report = (observer: string, out: string) => segqcWith({ SEGQC_DICOMWEB_TOKEN_FILE: file }, [
    'report', ...ct.segs.slice(0, 2).map((seg) => join(dir, 'files', seg.path)), '--source', join(dir, 'files', ct.caseId), '--out', join(dir, out),
    '--observer', observer, '--login', 'mlindqvist', '--stow', pacs.dicomwebUrl,
  ]);
  const stored = await report('Lindqvist^Maria', 'qc.dcm');
  expect([stored.code, stored.stderr]).toEqual([0, '']);
  expect(stored.stdout).toContain(`  observer Lindqvist^Maria (mlindqvist), authenticated by ${issuer.issuer}\n`);
  const sopInstanceUid = /SOP Instance UID (\S+)/.exec(stored.stdout)![1];
  const read = { fetch: (url: string, init: { method: 'GET'; headers: Record<string, string> }) => fetch(url, init), headers: { Authorization: pacs.orthanc.authorization } };
  const ids = { studyInstanceUid: ct.StudyInstanceUID, seriesInstanceUid: qcReportSeriesUid(ct.StudyInstanceUID), sopInstanceUid };
  const { qc } = readQcReport(await retrieveInstance(pacs.orthanc.dicomwebUrl, ids, read));
  // The organization is the SEGs' institution, as without a token.
  expect(qc!.observer).toEqual({
    name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'reviewer', organization: 'SegQC Demo Hospital', authentication: { issuer: issuer.issuer, subject: '7c1e-reviewer' },
  });

  const forged = await report('Chen^Wei', 'forged.dcm');
  expect([forged.code, forged.stdout, forged.stderr]).toEqual([2, '', "segqc: --observer Chen^Wei is not the access token's user (Lindqvist^Maria); what is written names the user signed in\n"]);
});
