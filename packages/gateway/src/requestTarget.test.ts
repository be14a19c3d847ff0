import { requestTargetProblem } from './requestTarget';

// The gateway refuses, before routing, any target that a PACS could decode or resolve into
// another path: Orthanc decodes `%2F` and resolves `..` after the proxy has routed the request.
describe('requestTargetProblem', () => {
  test.each([
    ['/dicom-web/..%2Fsystem', 'encoded-separator'],
    ['/dicom-web/..%2fsystem', 'encoded-separator'],
    ['/dicom-web/%2e%2e%2fsystem', 'encoded-separator'],
    ['/dicom-web/..%5csystem', 'encoded-separator'],
    ['/dicom-web/%252e%252e%252fsystem', 'encoded-separator'],
    ['/dicom-web/studies%00', 'encoded-separator'],
    ['/dicom-web/../system', 'dot-segment'],
    ['/dicom-web/./studies', 'dot-segment'],
    ['/segqc/sops/..', 'dot-segment'],
    ['/dicom-web/..\\system', 'control-character'],
    ['/dicom-web/studies\u0000', 'control-character'],
    ['/dicom-web/studies?x=\r\nHost:%20evil', 'control-character'],
    ['/dicom-web/studies/1.2%33', 'dicomweb-encoding'],
    ['/dicom-web/studies%3Fx=1', 'dicomweb-encoding'],
    ['http://127.0.0.1/dicom-web/studies', 'not-origin-form'],
    ['*', 'not-origin-form'],
  ])('%s is refused (%s)', (target, problem) => {
    expect(requestTargetProblem(target, '/dicom-web')).toBe(problem);
  });

  test.each([
    '/dicom-web/studies?PatientName=%2A%2F..%2F&includefield=00081030%2C00080060',
    '/dicom-web/studies/1.2.840.10008.1/series/2.25.1/instances/2.25.2/frames/1,2',
    '/segmentation-qc?StudyInstanceUIDs=1.2.3',
    '/segqc/sops/mr%20notes.json',
    '/assets/..file.png',
  ])('%s passes (encoded query values are re-encoded, not routed)', (target) => {
    expect(requestTargetProblem(target, '/dicom-web')).toBeNull();
  });
});
