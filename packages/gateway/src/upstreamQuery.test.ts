import { QueryParameterError, upstreamQuery } from './upstreamQuery';

describe('upstreamQuery', () => {
  test('the viewer\'s comma-separated includefield becomes repeated parameters; other values are kept and re-encoded', () => {
    expect(upstreamQuery('/dicom-web/studies?PatientID=P%201&includefield=00081030%2C00080060&limit=25')).toBe('?PatientID=P+1&includefield=00081030&includefield=00080060&limit=25');
  });

  test('a value cannot add a parameter or a path: it is encoded again', () => {
    expect(upstreamQuery('/dicom-web/studies?PatientName=a%26b%3D..%2F..%2Fsystem%23')).toBe('?PatientName=a%26b%3D..%2F..%2Fsystem%23');
  });

  test('no query gives none', () => {
    expect(upstreamQuery('/dicom-web/studies')).toBe('');
    expect(upstreamQuery('/dicom-web/studies?')).toBe('');
  });

  test('keywords, tags and sequence paths are parameter names', () => {
    expect(upstreamQuery('/x?0020000D=1.2&00081199.00081150=1.3&fuzzymatching=false')).toBe('?0020000D=1.2&00081199.00081150=1.3&fuzzymatching=false');
  });

  test.each(['../system', 'a b', '__proto__[x]', 'x'.repeat(65), ''])('%j is not a DICOMweb parameter name', (name) => {
    expect(() => upstreamQuery(`/x?${encodeURIComponent(name)}=1`)).toThrow(QueryParameterError);
  });

  test('more than 128 parameters are refused', () => {
    const query = Array.from({ length: 129 }, (_, n) => `includefield=${n}`).join('&');
    expect(() => upstreamQuery(`/x?${query}`)).toThrow(QueryParameterError);
  });
});
