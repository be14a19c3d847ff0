import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qcReportSeriesUid, readQcReport, retrieveInstance } from '@segqc/core';
import { demoCohort } from '@segqc/demo-data';
import { accessTokenVerifier } from '@segqc/gateway';
import { freePort } from '@segqc/server';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { segqc, type SegqcRun } from '../harness/segqcCommand';
import { startTestPacs, type TestPacs } from '../harness/testPacs';

// A service account as a nightly job runs `segqc`: SEGQC_OIDC_CLIENT_ID, SEGQC_OIDC_ISSUER and
// SEGQC_OIDC_CLIENT_SECRET_FILE name the demo's embedded OpenID Provider (oidc-provider, the
// QC service client, a reviewer); the built CLI gets its access token by the client-credentials
// grant (openid-client), the gateway in front of Orthanc checks it, and the reports that
// --write-reports stores name the service account as authenticated. The provider's tokens live
// 4 s here, so the main thread and the worker threads fetch new ones during the run. The provider
// runs in a child process (an ES module, which jest cannot load), from the built server.
jest.setTimeout(180_000);

const CASES = ['ct-01', 'mr-01'];
const STUDIES = demoCohort({ cases: CASES }).map((plan) => plan.StudyInstanceUID).sort();
const ROOT = join(__dirname, '..', '..');
const PROVIDER = join(ROOT, 'packages', 'server', 'dist', 'demoIdentityProvider', 'demoIdentityProvider.js');

let provider: ChildProcess;
let issuer: string;
let serviceSecretFile: string;
let pacs: TestPacs;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-client-credentials-'));
  const port = await freePort();
  const start = `require(${JSON.stringify(PROVIDER)}).startDemoIdentityProvider(${JSON.stringify({ port, secretsDir: join(dir, 'provider'), viewerOrigins: ['http://127.0.0.1:1'], accessTokenTtlSeconds: 4 })})`
    + '.then((p) => console.log(JSON.stringify({ issuer: p.issuer, serviceSecretFile: p.serviceSecretFile })))';
  provider = spawn(process.execPath, ['-e', start], { stdio: ['ignore', 'pipe', 'inherit'] });
  ({ issuer, serviceSecretFile } = await new Promise<{ issuer: string; serviceSecretFile: string }>((resolve, reject) => {
    let out = '';
    provider.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    provider.on('exit', (code) => reject(new Error(`the demo provider exited with code ${code}`)));
  }));
  pacs = await startTestPacs(CASES, { accessTokens: accessTokenVerifier({ issuer, audience: 'segqc-dicomweb', roles: { claim: 'roles' } }) });
});
afterAll(async () => {
  await pacs?.stop();
  provider?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** `segqc ARGS…` as the service account, and no other SegQC setting of the shell running the tests. */
function asServiceAccount(args: string[], secretFile = serviceSecretFile): Promise<SegqcRun> {
  return segqc(args, { SEGQC_OIDC_CLIENT_ID: 'segqc-qc-service', SEGQC_OIDC_ISSUER: issuer, SEGQC_OIDC_CLIENT_SECRET_FILE: secretFile, SEGQC_OIDC_RESOURCE: 'urn:segqc:dicomweb' });
}

test('the service account\'s token reads every case, in two worker threads', async () => {
  const { code, stdout } = await asServiceAccount(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--json']);
  expect(code).toBe(0);
  const { cases } = JSON.parse(stdout) as QcJson;
  expect(cases.map((c) => [c.studyInstanceUid, c.status]).sort()).toEqual(STUDIES.map((study) => [study, 'reviewed']));
});

test('--write-reports: the stored reports name the service account, authenticated by the provider', async () => {
  const { code, stdout } = await asServiceAccount(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--write-reports', '--json']);
  const { cases, summary } = JSON.parse(stdout) as QcJson;
  expect([code, cases.map((c) => c.error), summary.reportsWritten]).toEqual([0, [null, null], 2]);
  // Read back from Orthanc itself, with the credential only the gateway holds.
  const read = { fetch: (url: string, init: { method: 'GET'; headers: Record<string, string> }) => fetch(url, init), headers: { Authorization: pacs.orthanc.authorization } };
  for (const result of cases) {
    const ids = { studyInstanceUid: result.studyInstanceUid, seriesInstanceUid: qcReportSeriesUid(result.studyInstanceUid), sopInstanceUid: result.report!.sopInstanceUid };
    const { qc } = readQcReport(await retrieveInstance(pacs.orthanc.dicomwebUrl, ids, read));
    expect(qc!.observer).toEqual({ name: 'SegQC QC service', login: 'segqc-qc-service', role: 'reviewer', authentication: { issuer, subject: 'segqc-qc-service' } });
  }
});

test('a wrong client secret: the provider\'s refusal in one line, exit 1, the secret never shown', async () => {
  const wrong = join(dir, 'wrong-secret');
  writeFileSync(wrong, 'not-the-secret-of-segqc-qc-service\n');
  chmodSync(wrong, 0o600);
  const { code, stdout, stderr } = await asServiceAccount(['drift', '--pacs', pacs.dicomwebUrl], wrong);
  expect([code, stdout, stderr]).toEqual([1, '', `segqc: the OpenID Provider ${issuer} issued no access token to client segqc-qc-service: invalid_client: client authentication failed\n`]);
});
