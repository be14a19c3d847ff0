import { UsageError } from '../usageError';
import { AUDIT_EXPORT_USAGE, AUDIT_VERIFY_USAGE, parseAuditOptions } from './auditOptions';

// The arguments of `segqc audit` are checked before the PACS is asked anything, each mistake a one-line reason.
const PACS = ['--pacs', 'https://pacs.example/dicom-web/'];

test('export: studies, format by the file name, the token from --token or SEGQC_DICOMWEB_TOKEN (resolveCredential)', () => {
  expect(parseAuditOptions(['export', ...PACS, '--study', '1.2.3', '1.2.4', '--study', '1.2.5', '--out', 'trail.csv', '--token', 'T'], {})).toEqual({
    action: 'export', pacs: { url: 'https://pacs.example/dicom-web', credential: { kind: 'token', token: 'T', from: '--token' } }, studies: ['1.2.3', '1.2.4', '1.2.5'], out: 'trail.csv', format: 'csv', includePatientIdentifiers: false, journal: null, trustStore: null,
  });
  expect(parseAuditOptions(['export', ...PACS, '--all', '--out', 'trail.JSON', '--include-patient-identifiers'], { SEGQC_DICOMWEB_TOKEN: 'E' })).toMatchObject({
    studies: 'all', format: 'json', includePatientIdentifiers: true, pacs: { credential: { kind: 'token', token: 'E', from: 'SEGQC_DICOMWEB_TOKEN' } },
  });
  expect(parseAuditOptions(['export', ...PACS, '--all', '--out', 'x.csv'], {}).pacs.credential).toEqual({ kind: 'none' });
});

test('verify: no file, no format', () => {
  expect(parseAuditOptions(['verify', ...PACS, '--all'], {})).toEqual({
    action: 'verify', pacs: { url: 'https://pacs.example/dicom-web', credential: { kind: 'none' } }, studies: 'all', out: null, format: null, includePatientIdentifiers: false, journal: null, trustStore: null,
  });
});

test('the trust store: --trust-store FILE, else SEGQC_TRUST_STORE, for verify and export alike', () => {
  expect(parseAuditOptions(['verify', ...PACS, '--all', '--trust-store', 'ca.pem'], { SEGQC_TRUST_STORE: 'env.pem' }).trustStore).toBe('ca.pem');
  expect(parseAuditOptions(['verify', ...PACS, '--all'], { SEGQC_TRUST_STORE: 'env.pem' }).trustStore).toBe('env.pem');
  expect(parseAuditOptions(['export', ...PACS, '--all', '--out', 'x.csv', '--trust-store', 'ca.pem'], {}).trustStore).toBe('ca.pem');
  expect(() => parseAuditOptions(['verify', ...PACS, '--all', '--trust-store'], {})).toThrow(/^--trust-store needs a value/);
});

test.each([
  [[], /^audit needs export or verify/],
  [['check'], /^audit has export and verify, not 'check'/],
  [['verify', ...PACS], /^audit verify needs the studies: --study UID \[UID...\] or --all/],
  [['verify', ...PACS, '--all', '--study', '1.2.3'], /^give --study UID ... or --all, not both/],
  [['verify', ...PACS, '--study'], /^--study needs one or more Study Instance UIDs/],
  [['verify', ...PACS, '--study', '1.2.x'], /^--study takes Study Instance UIDs \(digits and dots, at most 64\), got '1.2.x'/],
  [['verify', '--all'], /^audit verify needs --pacs URL/],
  [['verify', '--pacs', 'pacs.example', '--all'], /^--pacs takes the DICOMweb root of a PACS, e.g. https:\/\/pacs.example\/dicom-web; got 'pacs.example'/],
  [['verify', ...PACS, '--all', '--out', 'x.csv'], /^unknown option --out/],
  [['verify', ...PACS, '--all', '--include-patient-identifiers'], /^unknown option --include-patient-identifiers/],
  [['verify', ...PACS, '--all', 'extra'], /^unexpected argument 'extra'/],
  [['verify', ...PACS, ...PACS, '--all'], /^--pacs is given twice/],
  [['verify', ...PACS, '--all', '--token'], /^--token needs a value/],
  [['export', ...PACS, '--all'], /^audit export needs --out FILE.csv or FILE.json/],
  [['export', ...PACS, '--all', '--out', 'trail.xlsx'], /^--out trail.xlsx: the file name ends in .csv or .json, which says the format/],
])('%j is a usage error', (args, reason) => {
  expect(() => parseAuditOptions(args, {})).toThrow(UsageError);
  expect(() => parseAuditOptions(args, {})).toThrow(reason);
});

test('the usage lines name every option', () => {
  for (const option of ['--pacs', '--token-file', '--study', '--all', '--out', '--include-patient-identifiers']) expect(AUDIT_EXPORT_USAGE).toContain(option);
  for (const option of ['--pacs', '--token-file', '--study', '--all']) expect(AUDIT_VERIFY_USAGE).toContain(option);
});
