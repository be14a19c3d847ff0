import { usageErrorOf } from '../usageErrorOf.fixture';
import { QC_REASONS } from '@segqc/core';
import { ADJUDICATE_USAGE, parseAdjudicateOptions, REASON_CODES } from './adjudicateOptions';
import { run } from '../main';

// Why: `segqc adjudicate` signs reference standards unattended; a wrong argument must stop it with
// one line saying what to give (exit 2) before any request, and a reason must be a QC_REASONS code.

const PACS = 'https://pacs.example/dicom-web';
const STUDY = '1.2.3';
const parse = (args: string[]) => parseAdjudicateOptions(args, {});
const usageError = (args: string[]) => usageErrorOf(() => parse(args));

test('deciding one case: the annotator by login, the structures, the reason, the adjudicator self-declared', () => {
  expect(parse(['--pacs', `${PACS}/`, '--study', STUDY, '--accept', 'arivera', '--structure', 'Right lung', 'Left lung', '--reason', 'boundaryDisagreement',
    '--check', 'reference-justified', '--adjudicator', 'Lindqvist^Maria', '--login', 'mlindqvist'])).toEqual({
    pacs: PACS,
    credential: { kind: 'none' },
    mode: { kind: 'decide', study: STUDY, accept: { kind: 'annotator', login: 'arivera' }, structures: ['Right lung', 'Left lung'], reasons: [{ reason: 'boundaryDisagreement' }] },
    checked: ['reference-justified'],
    adjudicator: { name: 'Lindqvist^Maria', login: 'mlindqvist' },
    sopDir: null,
    signer: null,
    json: false,
  });
});

test('majority and staple are consensus references; other carries the words of --text; reasons may be repeated', () => {
  expect(parse(['--pacs', PACS, '--study', STUDY, '--accept', 'majority', '--reason', 'other', '--text', ' annotators split ', '--reason', 'missedLesion']).mode)
    .toEqual({ kind: 'decide', study: STUDY, accept: { kind: 'majority' }, structures: [], reasons: [{ reason: 'other', text: 'annotators split' }, { reason: 'missedLesion' }] });
  expect(parse(['--pacs', PACS, '--study', STUDY, '--accept', 'staple', '--reason', 'underSegmentation']).mode).toMatchObject({ accept: { kind: 'staple' } });
});

test('--auto-accept-agreed: majority by default, --method staple, --study UIDs or --all', () => {
  expect(parse(['--pacs', PACS, '--auto-accept-agreed', '--all', '--json'])).toMatchObject({ mode: { kind: 'auto', method: 'majority', studies: 'all' }, json: true });
  expect(parse(['--pacs', PACS, '--auto-accept-agreed', '--method', 'staple', '--study', '1.2.3', '1.2.4']).mode).toEqual({ kind: 'auto', method: 'staple', studies: ['1.2.3', '1.2.4'] });
});

test('every reason code is a QC_REASONS key, and the usage lists them', () => {
  expect(REASON_CODES).toEqual(Object.keys(QC_REASONS));
  const help = capture(['--help']).out;
  for (const code of REASON_CODES) expect(help).toContain(code);
  expect(help).toContain('segqc adjudicate --pacs URL');
});

test.each([
  [['--study', STUDY, '--accept', 'arivera', '--reason', 'other']], // no --pacs
])('without --pacs: says so', (args) => {
  expect(usageError(args)).toMatch(/^adjudicate needs --pacs URL/);
});

test.each<[string[], RegExp]>([
  [['--study', STUDY, '--accept', 'arivera', '--reason', 'tooBig'], /^--reason tooBig is not a QC reason code; give one of underSegmentation, overSegmentation, .*, other$/],
  [['--study', STUDY, '--accept', 'arivera'], /^adjudicate needs why: --reason CODE, one of underSegmentation/],
  [['--study', STUDY, '--accept', 'arivera', '--reason', 'other'], /^--reason other needs its words: --text TEXT$/],
  [['--study', STUDY, '--accept', 'arivera', '--reason', 'wrongLabel', '--text', 'x'], /^--text gives the words of --reason other/],
  [['--study', STUDY, '--accept', 'arivera', '--reason', 'wrongLabel', 'wrongLabel'], /^--reason wrongLabel is given twice$/],
  [['--study', STUDY, '--reason', 'wrongLabel'], /^adjudicate needs the reference: --accept LOGIN/],
  [['--accept', 'arivera', '--reason', 'wrongLabel'], /^adjudicate needs the case: --study UID/],
  [['--study', STUDY, '1.2.4', '--accept', 'arivera', '--reason', 'wrongLabel'], /^adjudicate decides one case/],
  [['--study', 'ct-08', '--accept', 'arivera', '--reason', 'wrongLabel'], /^--study ct-08 is not a Study Instance UID/],
  [['--all', '--accept', 'arivera', '--reason', 'wrongLabel'], /^--all goes with --auto-accept-agreed/],
  [['--study', STUDY, '--accept', 'arivera', '--accept', 'wchen', '--reason', 'wrongLabel'], /^--accept is given twice$/],
  [['--study', STUDY, '--accept', '--reason', 'wrongLabel'], /^--accept needs a value/],
  [['--study', STUDY, '--accept', 'arivera', '--reason', 'wrongLabel', '--method', 'staple'], /^--method goes with --auto-accept-agreed/],
  [['--auto-accept-agreed'], /^--auto-accept-agreed needs the cases: --study UID \.\.\. or --all/],
  [['--auto-accept-agreed', '--all', '--study', STUDY], /^give --study UID \.\.\. or --all, not both$/],
  [['--auto-accept-agreed', '--all', '--method', 'mean'], /^--method is majority or staple, not 'mean'$/],
  [['--auto-accept-agreed', '--all', '--accept', 'arivera'], /^--accept is for deciding one case/],
  [['--auto-accept-agreed', '--all', '--reason', 'other'], /^--reason is for deciding one case/],
  [['--auto-accept-agreed', '--all', '--structure', 'Right lung'], /^--structure is for deciding one case/],
  [['--auto-accept-agreed', '--all', '--frobnicate'], /^unknown option --frobnicate; usage: segqc adjudicate/],
])('%j: one usage error saying what to give', (args, message) => {
  expect(usageError(['--pacs', PACS, ...args])).toMatch(message);
});

test('--pacs must be an http(s) DICOMweb root', () => {
  expect(usageError(['--pacs', 'pacs.example', '--auto-accept-agreed', '--all'])).toMatch(/^--pacs takes the DICOMweb root of a PACS/);
});

function capture(args: string[]) {
  let out = '';
  let err = '';
  const code = run(args, (t) => (out += t), (t) => (err += t));
  return { code, get out() { return out; }, get err() { return err; } };
}

test('through the command line: an unknown reason code is one line on stderr with exit code 2, nothing on stdout', () => {
  const { code, out, err } = capture(['adjudicate', '--pacs', PACS, '--study', STUDY, '--accept', 'arivera', '--reason', 'bad', '--adjudicator', 'A^B', '--login', 'ab']);
  expect([code, out]).toEqual([2, '']);
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^segqc: --reason bad is not a QC reason code; give one of /);
});

test('through the command line: without a token, the adjudicator must be declared (exit 2, before any request)', async () => {
  const result = capture(['adjudicate', '--pacs', 'http://127.0.0.1:9/dicom-web', '--study', STUDY, '--accept', 'arivera', '--reason', 'wrongLabel']);
  expect(await result.code).toBe(2);
  expect(result.err).toBe('segqc: without an access token that names the writer, give --adjudicator NAME --login ID: the objects written name them (self-declared)\n');
});

test('the usage line names both forms', () => {
  expect(ADJUDICATE_USAGE).toContain('--auto-accept-agreed [--method majority|staple] (--study UID ... | --all)');
  expect(ADJUDICATE_USAGE).toContain('--accept LOGIN|majority|staple [--structure LABEL ...] --reason CODE [--text TEXT]');
});
