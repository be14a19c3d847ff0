// The private codes are data other tools will read: SH-length values, unique, with the meanings
// viewers show, and the generated ones (NSD per tolerance, annotation letters) reversible.
import { DicomValueError } from '../dicom/DicomValueError';
import { ANNOTATION_LETTERS, QC_CONCEPTS, QC_DECISIONS, QC_MEASUREMENTS, QC_OBSERVER_IDENTITIES, QC_REASONS, acceptedCode, annotationCode, nsdCode, nsdTolerance } from './qcCodes';

const all = [...Object.values(QC_MEASUREMENTS), ...Object.values(QC_CONCEPTS), ...Object.values(QC_DECISIONS), ...Object.values(QC_REASONS), ...Object.values(QC_OBSERVER_IDENTITIES)];

test('every private code is a 99SEGQC code of at most 16 characters, used once, with a meaning of at most 64', () => {
  for (const code of all) {
    expect(code.scheme).toBe('99SEGQC');
    expect(code.value.length).toBeLessThanOrEqual(16);
    expect(code.meaning.length).toBeGreaterThan(0);
    expect(code.meaning.length).toBeLessThanOrEqual(64);
  }
  expect(new Set(all.map((code) => code.value)).size).toBe(all.length);
});

test('the QC decisions and reasons are the ones the workflow has', () => {
  expect(Object.values(QC_DECISIONS).map((code) => code.meaning)).toEqual(['Agreed', 'Escalated to adjudication', 'Majority vote', 'STAPLE consensus', 'Edited by adjudicator']);
  expect(acceptedCode('A')).toEqual({ value: 'ACCEPTED-A', scheme: '99SEGQC', meaning: 'Accepted annotation A' });
  expect(Object.values(QC_REASONS).map((code) => code.meaning)).toEqual([
    'Under-segmentation', 'Over-segmentation', 'Missed lesion', 'False lesion', 'Boundary disagreement', 'Wrong label', 'SOP violation', 'Other reason',
  ]);
});

test('NSD has one concept per tolerance, keyed as String(τ), read back from the code', () => {
  expect(nsdCode('1')).toEqual({ value: 'NSD-1MM', scheme: '99SEGQC', meaning: 'Normalized surface distance at 1 mm' });
  expect(nsdCode('0.5').value).toBe('NSD-0.5MM');
  expect(nsdTolerance(nsdCode('0.5'))).toBe('0.5');
  expect(nsdTolerance(QC_MEASUREMENTS.dice)).toBeUndefined();
  expect(nsdTolerance({ value: 'NSD-1MM', scheme: 'DCM', meaning: 'x' })).toBeUndefined();
  for (const bad of ['1.0', '-1', '1e-7', 'one', '12345.6789']) expect(() => nsdCode(bad, 'agreement.nsd')).toThrow(DicomValueError);
  expect(() => nsdCode('1.0', 'agreement.nsd')).toThrow(/^agreement.nsd: NSD tolerance "1.0"/);
});

test('annotations are lettered A to Z', () => {
  expect(ANNOTATION_LETTERS).toHaveLength(26);
  expect(annotationCode('C')).toEqual({ value: 'ANNOTATION-C', scheme: '99SEGQC', meaning: 'Annotation C' });
  expect(() => annotationCode('a', 'x')).toThrow('x: "a" is not an annotation letter');
});
