// The viewer, the CLI and the server reach the DICOMweb read client only through the package index.
import * as core from '../index';

test('the package index exports the DICOMweb read client, its error and its DICOM JSON readers', () => {
  const names = [
    'searchForSeries', 'searchForInstances', 'retrieveSeriesMetadata', 'retrieveInstance', 'dicomwebGet', 'dicomwebResourceUrl', 'qidoQueryString',
    'readDicomJsonArray', 'parseMultipartRelated', 'DicomwebReadError', 'MultipartParseError', 'jsonValues', 'jsonString', 'jsonStrings', 'jsonNumber',
    'jsonNumbers', 'jsonPersonName', 'jsonSequence', 'naturalizeDicomJson', 'sourceImageFromDicomJson',
  ];
  for (const name of names) expect([name, typeof (core as Record<string, unknown>)[name]]).toEqual([name, 'function']);
  expect(core.RETRIEVE_INSTANCE_ACCEPT).toBe('multipart/related; type="application/dicom"; transfer-syntax=*');
});
