import { UsageError } from '../usageError';
import { parseCompareOptions } from './compareOptions';

// Issue 14 added --fail-under (default: no limit) and --min-lesion-mm (default: none, every component a lesion).
test('defaults: tolerances 1 and 2 mm, pooled HD95, table output, no source, no limits, no lesion minimum', () => {
  expect(parseCompareOptions(['a.nrrd', 'b.nii.gz'])).toEqual({ a: 'a.nrrd', b: 'b.nii.gz', source: null, tolerancesMm: [1, 2], hd95: 'pooled', json: false, failUnder: [], minLesionMm: null });
});

test('every option, in any order', () => {
  expect(parseCompareOptions(['--json', 'a.dcm', '--tolerance', '2,0.5,2', 'b.dcm', '--source', 'ct/', '--hd95', 'directed-max'])).toEqual({
    a: 'a.dcm', b: 'b.dcm', source: 'ct/', tolerancesMm: [0.5, 2], hd95: 'directed-max', json: true, failUnder: [], minLesionMm: null,
  });
});

test('--fail-under: minima and maxima, nsd@T adding its tolerance, repeated flags adding up; --min-lesion-mm', () => {
  expect(parseCompareOptions(['a', 'b', '--fail-under', 'dice=0.9,hd95=3', '--fail-under', 'NSD@3=0.8,f1=0.5', '--min-lesion-mm', '3'])).toMatchObject({
    tolerancesMm: [1, 2, 3],
    failUnder: [
      { metric: 'dice', toleranceMm: null, limit: 0.9 },
      { metric: 'hd95', toleranceMm: null, limit: 3 },
      { metric: 'nsd', toleranceMm: 3, limit: 0.8 },
      { metric: 'f1', toleranceMm: null, limit: 0.5 },
    ],
    minLesionMm: 3,
  });
  expect(parseCompareOptions(['a', 'b', '--tolerance', '2', '--fail-under', 'nsd=0.9']).failUnder).toEqual([{ metric: 'nsd', toleranceMm: 2, limit: 0.9 }]);
  expect(parseCompareOptions(['a', 'b', '--min-lesion-mm', '0']).minLesionMm).toBeNull();
});

test('--help: nothing else is parsed', () => {
  expect(parseCompareOptions(['--help', '--frobnicate']).help).toBe(true);
});

test.each([
  [['a.dcm'], 'exactly two segmentations, got 1'],
  [['a', 'b', 'c'], 'exactly two segmentations, got 3'],
  [['a', 'b', '--tolerance', '1,x'], "--tolerance takes non-negative millimetres separated by commas, e.g. 1,2; got '1,x'"],
  [['a', 'b', '--tolerance', '-1'], 'got \'-1\''],
  [['a', 'b', '--hd95', 'mean'], "--hd95 is pooled or directed-max, not 'mean'"],
  [['a', 'b', '--source'], '--source needs a value'],
  [['a', 'b', '--frobnicate'], 'unknown option --frobnicate'],
  [['a', 'b', '--fail-under', 'dice'], "--fail-under takes metric=limit pairs separated by commas"],
  [['a', 'b', '--fail-under', 'volume=3'], "--fail-under: unknown metric 'volume'"],
  [['a', 'b', '--fail-under', 'dice=1.5'], "--fail-under: dice takes a value from 0 to 1, got '1.5'"],
  [['a', 'b', '--fail-under', 'hd95=-1'], "--fail-under: hd95 takes non-negative millimetres, got '-1'"],
  [['a', 'b', '--fail-under', 'dice@1=0.9'], '--fail-under: only nsd takes a tolerance (nsd@T), not dice'],
  [['a', 'b', '--fail-under', 'nsd=0.9'], '--fail-under nsd=0.9: say at which tolerance, e.g. nsd@1=0.9'],
  [['a', 'b', '--min-lesion-mm', 'x'], "--min-lesion-mm takes a non-negative diameter in millimetres, e.g. 3; got 'x'"],
  [['a', 'b', '--min-lesion-mm'], '--min-lesion-mm needs a value'],
])('%j is a UsageError: %s', (args, message) => {
  expect(() => parseCompareOptions(args)).toThrow(UsageError);
  expect(() => parseCompareOptions(args)).toThrow(message);
});
