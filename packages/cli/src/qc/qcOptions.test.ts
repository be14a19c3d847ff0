import { usageErrorOf } from '../usageErrorOf.fixture';
import { availableParallelism } from 'node:os';
import { parseQcOptions, QC_USAGE } from './qcOptions';

// Why: `segqc qc` runs unattended (nightly jobs); a wrong argument must stop it with one line that
// says what to give, before any request; the credential is resolved here (auth/resolveCredential.test.ts
// tests its order), so that a bad token file stops the run too.

const PACS = 'https://pacs.example/dicom-web';
const parse = (args: string[], env: NodeJS.ProcessEnv = {}) => parseQcOptions(args, env);
const usageError = (args: string[]) => usageErrorOf(() => parse(args));

test('defaults: every study, one worker per CPU, no state, the repository SOP library, no reports, a summary', () => {
  expect(parse(['--pacs', `${PACS}/`])).toEqual({
    pacs: PACS, credential: { kind: 'none' }, studies: [], workers: availableParallelism(), state: null, sopDir: null, writeReports: null, json: false,
  });
});

test('everything given; --study takes several UIDs and may be repeated', () => {
  expect(parse(['--pacs', PACS, '--token', 't0k', '--study', '1.2.3', '1.2.4', '--workers', '3', '--study', '1.2.5', '1.2.3', '--state', 's.json', '--sop-dir', 'sops',
    '--write-reports', '--reviewer', 'Lindqvist^Maria', '--login', 'mlindqvist', '--json'])).toEqual({
    pacs: PACS, credential: { kind: 'token', token: 't0k', from: '--token' }, studies: ['1.2.3', '1.2.4', '1.2.5'], workers: 3, state: 's.json', sopDir: 'sops',
    writeReports: { name: 'Lindqvist^Maria', login: 'mlindqvist' }, json: true,
  });
});

test('the token may come from SEGQC_DICOMWEB_TOKEN, so that it stays out of the process list', () => {
  expect(parse(['--pacs', PACS], { SEGQC_DICOMWEB_TOKEN: 'from-env' }).credential).toEqual({ kind: 'token', token: 'from-env', from: 'SEGQC_DICOMWEB_TOKEN' });
});

test('--write-reports alone: the reviewer may come from the access token (runQc resolves it); --reviewer or --login alone is kept to check against it', () => {
  expect(parse(['--pacs', PACS, '--write-reports']).writeReports).toEqual({});
  expect(parse(['--pacs', PACS, '--write-reports', '--login', 'svc-qc']).writeReports).toEqual({ login: 'svc-qc' });
});

test('bad arguments are one-line usage errors', () => {
  expect(usageError([])).toBe(`qc needs --pacs URL, the DICOMweb root of the PACS; usage: ${QC_USAGE}`);
  expect(usageError(['--pacs', 'pacs.example'])).toBe("--pacs takes the DICOMweb root of a PACS, e.g. https://pacs.example/dicom-web; got 'pacs.example'");
  expect(usageError(['--pacs', PACS, '--study'])).toBe(`--study needs a Study Instance UID; usage: ${QC_USAGE}`);
  expect(usageError(['--pacs', PACS, '--study', '1.2.x'])).toBe('--study 1.2.x is not a Study Instance UID (digits and dots, PS3.5 9.1)');
  expect(usageError(['--pacs', PACS, '--workers', '0'])).toBe("--workers is a whole number ≥ 1, not '0'");
  expect(usageError(['--pacs', PACS, '--workers', '2.5'])).toBe("--workers is a whole number ≥ 1, not '2.5'");
  expect(usageError(['--pacs', PACS, '--state'])).toBe(`--state needs a value; usage: ${QC_USAGE}`);
  expect(usageError(['--pacs', PACS, '--pacs', PACS])).toBe('--pacs is given twice');
  expect(usageError(['--pacs', PACS, '--login', 'x'])).toBe('--login names the reviewer of the reports: give --write-reports too');
  expect(usageError(['--pacs', PACS, '--sign'])).toBe(`unknown option --sign; usage: ${QC_USAGE}`);
  expect(usageError(['--pacs', PACS, 'extra'])).toBe(`unexpected argument extra; usage: ${QC_USAGE}`);
  expect(usageError(['--pacs', PACS, '--token-file'])).toBe(`--token-file needs a value; usage: ${QC_USAGE}`);
  expect(usageError(['--pacs', PACS, '--token-file', 't', '--token', 't'])).toBe('give --token-file FILE or --token TOKEN, not both');
});
