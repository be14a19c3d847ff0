// Why: `segqc report` serves two reports; which one a command line asks for, and what is missing,
// must be said in one line before anything is read from a PACS.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProgrammeReport, parseProgrammeReportOptions } from './programmeReportOptions';

const PACS = 'https://pacs.example/dicom-web';
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'segqc-report-options-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('is the programme report with --html or --pacs; a case report otherwise', () => {
  expect(isProgrammeReport(['--pacs', PACS, '--html', 'x.html'])).toBe(true);
  expect(isProgrammeReport(['--html', 'x.html'])).toBe(true);
  expect(isProgrammeReport(['a.dcm', 'b.dcm', '--source', 'ct', '--out', 'sr.dcm', '--stow', PACS])).toBe(false);
});

it('reads the PACS, token, workers and the file', () => {
  const html = join(dir, 'report.html');
  expect(parseProgrammeReportOptions(['--pacs', PACS, '--token', 't', '--workers', '2', '--html', html], {})).toEqual({
    pacs: PACS, credential: { kind: 'token', token: 't', from: '--token' }, workers: 2, html,
  });
});

it.each([
  [['--html', 'x.html'], /^report --html needs --pacs URL/],
  [['--pacs', PACS], /^report --pacs needs --html OUT\.html/],
  [['--pacs', PACS, '--html', 'report.pdf'], /^--html report\.pdf: the file name ends in \.html$/],
  [['--pacs', PACS, '--html', '/no/such/folder/report.html'], /^--html \/no\/such\/folder\/report\.html: the folder \/no\/such\/folder does not exist$/],
  [['a.dcm', '--pacs', PACS, '--html', 'x.html'], /takes no SEG file \('a\.dcm'\); a case's QC report is segqc report A B … --out SR\.dcm$/],
  [['--pacs', PACS, '--html', 'x.html', '--out', 'sr.dcm'], /^unknown option --out; usage: segqc report --pacs URL/],
])('%p is refused: %s', (args, message) => {
  expect(() => parseProgrammeReportOptions(args as string[], {})).toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringMatching(message) }));
});

it('refuses a folder for --html', () => {
  const folder = join(dir, 'folder.html');
  mkdirSync(folder);
  expect(() => parseProgrammeReportOptions(['--pacs', PACS, '--html', folder], {})).toThrow(`--html ${folder} is a folder; give the file to write`);
});
