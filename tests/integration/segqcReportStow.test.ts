import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { run } from '../../packages/cli/src/main';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { getDicomJson, startTestPacs, type TestPacs } from '../harness/testPacs';

// Batch jobs store their QC reports in the PACS directly: `segqc report … --stow URL --token T`
// writes the file, stores it with STOW-RS sending the bearer token, and never prints the token.
jest.setTimeout(180_000);

const demoCase = demoManifest({ cases: ['ct-01'] }).cases[0];
const TOKEN = 'report-stow-test-token';
let dir: string;
let pacs: TestPacs;
let proxy: FaultProxy;
const authorizations: Array<string | undefined> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-report-stow-'));
  writeDemoCohort(dir, { cases: [demoCase.caseId] });
  pacs = await startTestPacs([demoCase.caseId]);
  proxy = await startFaultProxy({ target: pacs.orthanc.restUrl, targetAuthorization: pacs.orthanc.authorization, seed: 1, rates: {}, inspect: (request) => request.method === 'POST' && authorizations.push(request.headers.authorization) });
});
afterAll(async () => {
  await proxy?.close();
  await pacs?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the report is written, stored with the bearer token, and the token is not printed', async () => {
  let stdout = '';
  let stderr = '';
  const [a, b, c] = demoCase.segs;
  const code = await run(
    ['report', join(dir, a.path), join(dir, b.path), join(dir, c.path), '--source', join(dir, demoCase.caseId), '--out', join(dir, 'qc.dcm'), '--stow', `${proxy.url}/dicom-web`, '--token', TOKEN],
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  expect([code, stderr]).toEqual([0, '']);
  expect(stdout).toContain(`stored in the PACS at ${proxy.url}/dicom-web`);
  expect(stdout).not.toContain(TOKEN);
  expect(authorizations).toEqual([`Bearer ${TOKEN}`]);
  const srSeries = await getDicomJson(`${pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series?Modality=SR`);
  expect(srSeries).toHaveLength(1);
});

test('a PACS that cannot be reached is one line and exit code 1, after the file is written', async () => {
  let stderr = '';
  const out = join(dir, 'unsent.dcm');
  const [a, b] = demoCase.segs;
  const code = await run(['report', join(dir, a.path), join(dir, b.path), '--source', join(dir, demoCase.caseId), '--out', out, '--stow', 'http://127.0.0.1:9/dicom-web'], () => undefined, (t) => (stderr += t));
  expect(code).toBe(1);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^segqc: .*PACS/);
  expect(existsSync(out)).toBe(true);
});

test('--token without --stow is a usage error', () => {
  let stderr = '';
  const code = run(['report', 'a.dcm', 'b.dcm', '--source', dir, '--out', join(dir, 'x.dcm'), '--token', TOKEN], () => undefined, (t) => (stderr += t));
  expect([code, stderr]).toEqual([2, 'segqc: --token goes with --stow URL\n']);
});
