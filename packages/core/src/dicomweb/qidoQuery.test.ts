import { qidoQueryString } from './qidoQuery';

// Why: QIDO-RS query parameters (PS3.18 8.3.4). Orthanc's DICOMweb plugin 1.7 reads only the first
// attribute of a comma-separated includefield, so each attribute must be its own parameter.
test('matching, one includefield parameter per attribute, paging, all URL-encoded', () => {
  expect(qidoQueryString({ match: { Modality: 'SEG', SeriesDescription: 'Lung*' }, includefield: ['0008103E', 'SeriesDate', 'all'], limit: 10, offset: 20, fuzzymatching: false })).toBe(
    '?Modality=SEG&SeriesDescription=Lung*&includefield=0008103E&includefield=SeriesDate&includefield=all&limit=10&offset=20&fuzzymatching=false',
  );
  expect(qidoQueryString({ match: { PatientName: 'Doe^J?n & Co' } })).toBe('?PatientName=Doe%5EJ%3Fn%20%26%20Co');
  expect(qidoQueryString({ match: { SOPInstanceUID: '1.2.3,1.2.4' } })).toBe('?SOPInstanceUID=1.2.3%2C1.2.4');
});

test('an empty query is no query string', () => {
  expect(qidoQueryString({})).toBe('');
  expect(qidoQueryString({ match: {}, includefield: [] })).toBe('');
});

test('paging must be whole and non-negative; attribute names non-empty', () => {
  expect(() => qidoQueryString({ limit: -1 })).toThrow(new RangeError('query.limit must be an integer ≥ 0, got -1'));
  expect(() => qidoQueryString({ offset: 1.5 })).toThrow(new RangeError('query.offset must be an integer ≥ 0, got 1.5'));
  expect(() => qidoQueryString({ includefield: [''] })).toThrow(/^query\.includefield: an attribute name is empty$/);
  expect(() => qidoQueryString({ match: { '': 'x' } })).toThrow(/^query\.match: an attribute name is empty$/);
});
