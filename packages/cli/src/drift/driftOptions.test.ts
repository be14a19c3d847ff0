// Why: `segqc drift` runs unattended in nightly jobs; a wrong argument must stop it with one line
// and exit code 2 (UsageError) before anything is read, and the token must come from the
// environment when not given, so that it stays out of the process list.
import { parseDriftOptions } from './driftOptions';

const PACS = 'https://pacs.example/dicom-web/';

it('reads the PACS, token, workers and --json', () => {
  expect(parseDriftOptions(['--pacs', PACS, '--token', 's3cret', '--workers', '3', '--json'], {})).toEqual({
    pacs: 'https://pacs.example/dicom-web', token: 's3cret', workers: 3, json: true,
  });
});

it('takes the token from SEGQC_DICOMWEB_TOKEN when --token is not given; none is null', () => {
  expect(parseDriftOptions(['--pacs', PACS], { SEGQC_DICOMWEB_TOKEN: 'from-env' })).toMatchObject({ token: 'from-env', json: false });
  expect(parseDriftOptions(['--pacs', PACS], {}).token).toBeNull();
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
  [['--pacs', PACS, '--pacs', PACS], /^--pacs is given twice$/],
  [['--pacs', PACS, '--html', 'x.html'], /^unknown option --html; usage: segqc drift/],
  [['--pacs', PACS, 'extra'], /^unexpected argument extra/],
])('%p is refused: %s', (args, message) => {
  expect(() => parseDriftOptions(args as string[], {})).toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringMatching(message) }));
});
