import { UsageError } from '../usageError';
import { parseCompareOptions } from './compareOptions';

test('defaults: tolerances 1 and 2 mm, pooled HD95, table output, no source', () => {
  expect(parseCompareOptions(['a.nrrd', 'b.nii.gz'])).toEqual({ a: 'a.nrrd', b: 'b.nii.gz', source: null, tolerancesMm: [1, 2], hd95: 'pooled', json: false });
});

test('every option, in any order', () => {
  expect(parseCompareOptions(['--json', 'a.dcm', '--tolerance', '2,0.5,2', 'b.dcm', '--source', 'ct/', '--hd95', 'directed-max'])).toEqual({
    a: 'a.dcm', b: 'b.dcm', source: 'ct/', tolerancesMm: [0.5, 2], hd95: 'directed-max', json: true,
  });
});

test.each([
  [['a.dcm'], 'exactly two segmentations, got 1'],
  [['a', 'b', 'c'], 'exactly two segmentations, got 3'],
  [['a', 'b', '--tolerance', '1,x'], "--tolerance takes non-negative millimetres separated by commas, e.g. 1,2; got '1,x'"],
  [['a', 'b', '--tolerance', '-1'], 'got \'-1\''],
  [['a', 'b', '--hd95', 'mean'], "--hd95 is pooled or directed-max, not 'mean'"],
  [['a', 'b', '--source'], '--source needs a value'],
  [['a', 'b', '--frobnicate'], 'unknown option --frobnicate'],
])('%j is a UsageError: %s', (args, message) => {
  expect(() => parseCompareOptions(args)).toThrow(UsageError);
  expect(() => parseCompareOptions(args)).toThrow(message);
});
