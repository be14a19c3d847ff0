// Why: `segqc drift` runs unattended in nightly jobs; a wrong argument must stop it with one line
// and exit code 2 (UsageError) before anything is read; the credential is resolved here
// (auth/resolveCredential.test.ts tests its order), so that a bad token file stops it too.
import { parseDriftOptions } from './driftOptions';

const PACS = 'https://pacs.example/dicom-web/';

it('reads the PACS, token, workers and --json', () => {
  expect(parseDriftOptions(['--pacs', PACS, '--token', 's3cret', '--workers', '3', '--json'], {})).toEqual({
    pacs: 'https://pacs.example/dicom-web', credential: { kind: 'token', token: 's3cret', from: '--token' }, workers: 3, json: true,
  });
});

it('takes the token from SEGQC_DICOMWEB_TOKEN when --token is not given; none is no credential', () => {
  expect(parseDriftOptions(['--pacs', PACS], { SEGQC_DICOMWEB_TOKEN: 'from-env' })).toMatchObject({ credential: { kind: 'token', token: 'from-env', from: 'SEGQC_DICOMWEB_TOKEN' }, json: false });
  expect(parseDriftOptions(['--pacs', PACS], {}).credential).toEqual({ kind: 'none' });
});

it('defaults to one worker per CPU', () => {
  expect(parseDriftOptions(['--pacs', PACS], {}).workers).toBeGreaterThanOrEqual(1);
});

it.each([
  [[], /^drift needs --pacs URL/],
  [['--pacs', 'pacs.example'], /^--pacs takes the DICOMweb root of a PACS/],
  [['--pacs', 'ftp://pacs.example'], /^--pacs takes the DICOMweb root/],
  [['--pacs', PACS, '--workers', '0'], /^--workers is a whole number ≥ 1, not '0'$/],
  [['--pacs', PACS, '--workers', '1.5'], /^--workers is a whole number/],
  [['--pacs', PACS, '--token'], /^--token needs a value/],
  [['--pacs', PACS, '--token-file'], /^--token-file needs a value/],
  [['--pacs', PACS, '--pacs', PACS], /^--pacs is given twice$/],
  [['--pacs', PACS, '--html', 'x.html'], /^unknown option --html; usage: segqc drift/],
  [['--pacs', PACS, 'extra'], /^unexpected argument extra/],
])('%p is refused: %s', (args, message) => {
  expect(() => parseDriftOptions(args as string[], {})).toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringMatching(message) }));
});
