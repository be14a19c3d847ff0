import { DicomValueError } from '../dicom/DicomValueError';
import { dicomwebResourceUrl } from './dicomwebResourceUrl';

// Why: UIDs go into the request path (PS3.18 10.4.1); only a valid UID may, so that no caller's
// string can reach another resource ("../..", "?x=") of the PACS.
const root = 'https://pacs.test/dicom-web';

test('study, series and instance paths; trailing slashes of the root dropped', () => {
  expect(dicomwebResourceUrl(`${root}//`, { studyInstanceUid: '1.2.3' })).toBe(`${root}/studies/1.2.3`);
  expect(dicomwebResourceUrl(root, { studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.4' })).toBe(`${root}/studies/1.2.3/series/1.2.4`);
  expect(dicomwebResourceUrl(root, { studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.4', sopInstanceUid: '1.2.5' })).toBe(`${root}/studies/1.2.3/series/1.2.4/instances/1.2.5`);
});

test('an invalid UID is a DicomValueError naming it; an instance needs its series', () => {
  expect(() => dicomwebResourceUrl(root, { studyInstanceUid: '../1.2' })).toThrow(new DicomValueError('StudyInstanceUID', '"../1.2" is not a valid UID (PS3.5 9.1)'));
  expect(() => dicomwebResourceUrl(root, { studyInstanceUid: '1.2', seriesInstanceUid: '1.02' })).toThrow(/^SeriesInstanceUID: "1\.02" is not a valid UID/);
  expect(() => dicomwebResourceUrl(root, { studyInstanceUid: '1.2', seriesInstanceUid: '1.3', sopInstanceUid: '' })).toThrow(/^SOPInstanceUID: "" is not a valid UID/);
  expect(() => dicomwebResourceUrl(root, { studyInstanceUid: '1.2', sopInstanceUid: '1.3' })).toThrow(RangeError);
});
