// `segqc audit` against a PACS in memory holding a reviewed and adjudicated case (core's audit
// fixture): export writes every event as CSV or JSON with the patient only when asked; verify is
// clean (saying that no trust store was given and that a self-declared adjudication is unsigned), then
// finds the one SEG whose pixels changed and exits 1; no patient name on any line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCase, withOnePixelByteChanged } from '../../../core/src/audit/audit.fixture';
import { inMemoryPacs, PACS_ROOT, type StoredInstance } from '../../../core/src/audit/inMemoryPacs.fixture';
import { run } from '../main';
import { runAudit } from './runAudit';

const fixture = auditCase();
const stored: StoredInstance[] = [
  ...fixture.objects.map((object) => ({ studyInstanceUid: fixture.studyInstanceUid, ...object })),
  ...fixture.images.map((image) => ({ studyInstanceUid: fixture.studyInstanceUid, ...image, modality: 'CT' })),
];
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'segqc-audit-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Verify's notes: no trust store was given; the fixture's adjudication is VERIFIED by a self-declared adjudicator, unsigned.
const NO_TRUST_STORE = 'note         no trust store (--trust-store FILE or SEGQC_TRUST_STORE): signatures are checked, their certificates are not\n';
const SELF_DECLARED = 'note         1 VERIFIED QC report self-declared, unsigned: not a 21 CFR Part 11 signature\n';

async function audit(args: string[], instances = stored) {
  let out = '';
  const pacs = inMemoryPacs(instances);
  const code = await runAudit(args, (text) => (out += text), pacs.fetch);
  return { code, out, requests: pacs.requests };
}

test('export --study to CSV: a line per study, the summary, every event in the file, no patient', async () => {
  const file = join(dir, 'trail.csv');
  const { code, out, requests } = await audit(['export', '--pacs', PACS_ROOT, '--token', 's3cret', '--study', fixture.studyInstanceUid, '--out', file]);
  expect(code).toBe(0);
  expect(out).toBe(`study ${fixture.studyInstanceUid}: 2 annotations, 1 reference SEG, 2 QC reports\nwrote ${file}: 1 study, 5 events, 28 rows, without patient identifiers\n`);
  expect(requests.every((request) => request.init.headers.Authorization === 'Bearer s3cret')).toBe(true);
  const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(29);
  expect(lines[0].startsWith('studyInstanceUid,event,dateTime,sopInstanceUid,')).toBe(true);
  expect(lines[1]).toContain(`${fixture.studyInstanceUid},annotation,2026-03-01T09:15:00,${fixture.uids.segA},`);
  expect(lines.filter((line) => line.includes(',qc-report,'))).toHaveLength(2);
  expect(readFileSync(file, 'utf8')).not.toContain('Fixture^Patient');
  expect(out).not.toContain('s3cret');
});

test('export --all to JSON with patient identifiers', async () => {
  const file = join(dir, 'trail.json');
  const { code, out } = await audit(['export', '--pacs', PACS_ROOT, '--all', '--out', file, '--include-patient-identifiers']);
  expect(code).toBe(0);
  expect(out).toMatch(/with patient identifiers\n$/);
  expect(out).not.toContain('Fixture^Patient');
  const document = JSON.parse(readFileSync(file, 'utf8'));
  expect(document).toMatchObject({ format: 'segqc-audit-trail', version: 1, includesPatientIdentifiers: true, cases: [{ studyInstanceUid: fixture.studyInstanceUid, patient: { name: 'Fixture^Patient', id: 'FIX-001' } }] });
  expect(document.cases[0].events.map((event: { sopInstanceUid: string }) => event.sopInstanceUid)).toEqual([fixture.uids.segA, fixture.uids.segB, fixture.uids.review, fixture.uids.referenceSeg, fixture.uids.adjudication]);
  expect(Date.parse(document.generatedAt)).not.toBeNaN();
});

test('verify of the clean case: no findings, exit 0', async () => {
  const { code, out } = await audit(['verify', '--pacs', PACS_ROOT, '--study', fixture.studyInstanceUid]);
  expect([code, out]).toEqual([0, `${NO_TRUST_STORE}${SELF_DECLARED}audit verify: 1 study, 5 objects, 2 QC reports: no findings\n`]);
});

test('verify names the changed SEG, one line, a summary, exit 1', async () => {
  const changed = stored.map((instance) => (instance.sopInstanceUid === fixture.uids.segB ? { ...instance, bytes: withOnePixelByteChanged(instance.bytes!) } : instance));
  const { code, out } = await audit(['verify', '--pacs', PACS_ROOT, '--all'], changed);
  expect(code).toBe(1);
  const lines = out.trimEnd().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(new RegExp(`^changed {6}SEG ${fixture.uids.segB.replace(/\./g, '\\.')} changed: its pixel data SHA-256 is [0-9a-f]{64}, QC reports ${fixture.uids.review.replace(/\./g, '\\.')}, ${fixture.uids.adjudication.replace(/\./g, '\\.')} recorded [0-9a-f]{64}$`));
  expect(lines.slice(1)).toEqual([NO_TRUST_STORE, SELF_DECLARED, 'audit verify: 1 study, 5 objects, 2 QC reports: 1 finding (1 changed)'].map((line) => line.trimEnd()));
});

test('verify of a study the PACS does not hold says so', async () => {
  const { code, out } = await audit(['verify', '--pacs', PACS_ROOT, '--study', '1.2.826.0.1.3680043.10.99']);
  expect([code, out]).toEqual([0, `study 1.2.826.0.1.3680043.10.99: nothing to verify, the PACS holds no SEG or QC report of it\n${NO_TRUST_STORE}audit verify: 1 study, 0 objects, 0 QC reports: no findings\n`]);
});

test('through the command line: a PACS that cannot be reached is one line on stderr, exit 1', async () => {
  let stderr = '';
  const code = await run(['audit', 'verify', '--pacs', 'http://127.0.0.1:9/dicom-web', '--study', '1.2.3'], () => undefined, (text) => (stderr += text));
  expect(code).toBe(1);
  expect(stderr).toMatch(/^segqc: The PACS could not be reached for http:\/\/127\.0\.0\.1:9\/dicom-web\/studies\/1\.2\.3\/series\?includefield=00080060: .*\n$/);
});

test('through the command line: a usage error is exit 2, and --help lists audit', async () => {
  let stderr = '';
  expect(await run(['audit', 'verify', '--pacs', PACS_ROOT], () => undefined, (text) => (stderr += text))).toBe(2);
  expect(stderr).toMatch(/^segqc: audit verify needs the studies/);
  let help = '';
  run(['--help'], (text) => (help += text), () => undefined);
  expect(help).toContain('segqc audit export --pacs URL');
  expect(help).toContain('segqc audit verify --pacs URL');
});
