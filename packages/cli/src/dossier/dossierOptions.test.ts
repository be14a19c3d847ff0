// Why: a dossier run reads the whole PACS before it writes anything; what is missing or wrong on the
// command line must be said in one line first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usageErrorOf } from '../usageErrorOf.fixture';
import { parseDossierOptions } from './dossierOptions';

const PACS = 'https://pacs.example/dicom-web';
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'segqc-dossier-options-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads the PACS, token, folder, SOP library, journal, trust store and the patient switch', () => {
  expect(parseDossierOptions(['--pacs', `${PACS}/`, '--token', 't', '--workers', '2', '--out', dir, '--sop-dir', 'sops', '--journal', 'writes.jsonl', '--trust-store', 'ca.pem', '--include-patient-identifiers'], {})).toEqual({
    pacs: PACS, credential: { kind: 'token', token: 't', from: '--token' }, workers: 2, out: dir, sopDir: 'sops', journal: 'writes.jsonl', trustStore: 'ca.pem', includePatientIdentifiers: true,
  });
  expect(parseDossierOptions(['--pacs', PACS, '--out', join(dir, 'new')], {})).toMatchObject({ sopDir: null, journal: null, trustStore: null, includePatientIdentifiers: false });
  // As segqc audit: the site's trust store from the environment.
  expect(parseDossierOptions(['--pacs', PACS, '--out', dir], { SEGQC_TRUST_STORE: '/etc/segqc/ca.pem' })).toMatchObject({ trustStore: '/etc/segqc/ca.pem' });
});

it('says what is missing or wrong', () => {
  expect(usageErrorOf(() => parseDossierOptions(['--pacs', PACS], {}))).toMatch(/^dossier needs --out DIR/);
  expect(usageErrorOf(() => parseDossierOptions(['--out', dir], {}))).toMatch(/^dossier needs --pacs URL/);
  const file = join(dir, 'dossier.pdf');
  writeFileSync(file, '');
  expect(usageErrorOf(() => parseDossierOptions(['--pacs', PACS, '--out', file], {}))).toBe(`--out ${file} is a file; give the folder to write the dossier to`);
  expect(usageErrorOf(() => parseDossierOptions(['--pacs', PACS, '--out', dir, '--all'], {}))).toMatch(/^unknown option --all; usage: segqc dossier/);
});
