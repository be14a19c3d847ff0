import { UsageError } from '../usageError';
import { REPORT_USAGE, parseReportOptions } from './reportOptions';

// The arguments of `segqc report` are checked before any file is read, each mistake a one-line reason.
const base = ['a.dcm', 'b.dcm', '--source', 'dir', '--out', 'qc.dcm'];

test('annotations in order, observer with its default role, options', () => {
  expect(parseReportOptions([...base, 'c.dcm', '--observer', 'Rivera^Ana', '--login', 'arivera', '--sop', 'sop.json', '--sign'])).toEqual({
    segs: ['a.dcm', 'b.dcm', 'c.dcm'], source: 'dir', out: 'qc.dcm',
    observer: { name: 'Rivera^Ana', login: 'arivera', role: 'reviewer' }, sop: 'sop.json', revises: null, sign: true, pacs: null,
  });
  expect(parseReportOptions([...base, '--observer', 'A^B', '--login', 'ab', '--role', 'adjudicator', '--organization', 'Demo']).observer).toEqual({ name: 'A^B', login: 'ab', role: 'adjudicator', organization: 'Demo' });
});

test.each([
  [['a.dcm', '--source', 'd', '--out', 'o'], /^report compares at least two annotations \(SEG files\), got 1/],
  [['a.dcm', 'b.dcm', '--out', 'o'], /^report needs --source DIR/],
  [['a.dcm', 'b.dcm', '--source', 'd'], /^report needs --out SR.dcm/],
  [[...base, '--observer', 'A^B'], /^--observer NAME and --login ID go together/],
  [[...base, '--role', 'reviewer'], /^--role describes the observer/],
  [[...base, '--observer', 'A^B', '--login', 'ab', '--role', 'boss'], /^--role is reviewer, adjudicator, reader, not 'boss'/],
  [[...base, '--sign'], /^--sign needs the person who signs/],
  [[...base, '--frobnicate'], /^unknown option --frobnicate/],
  [[...base, '--sop'], /^--sop needs a value/],
  [[...base, '--out', 'x.dcm'], /^--out is given twice/],
])('%j is a usage error', (args, reason) => {
  expect(() => parseReportOptions(args)).toThrow(UsageError);
  expect(() => parseReportOptions(args)).toThrow(reason);
});

test('the usage line names every option', () => {
  for (const option of ['--source', '--out', '--observer', '--login', '--role', '--organization', '--sop', '--revises', '--sign']) expect(REPORT_USAGE).toContain(option);
});

test('--stow and --token name the PACS to store the report in', () => {
  const options = parseReportOptions(['a.dcm', 'b.dcm', '--source', 'ct', '--out', 'qc.dcm', '--stow', 'https://pacs.example/dicom-web/', '--token', 'T']);
  expect(options.pacs).toEqual({ url: 'https://pacs.example/dicom-web', credential: { kind: 'token', token: 'T', from: '--token' } });
  expect(() => parseReportOptions(['a.dcm', 'b.dcm', '--source', 'ct', '--out', 'qc.dcm', '--stow', 'pacs'])).toThrow("--stow takes the DICOMweb root of a PACS, e.g. https://pacs.example/dicom-web; got 'pacs'");
});
