// The viewer and the CLI reach the QC report only through @segqc/core's index.
import * as core from '../index';

test.each([
  'buildQcReport', 'writeQcReport', 'readQcReport', 'readMeasurementReport', 'qcReportSeriesUid', 'QcReport', 'QcStructure', 'QcAnnotation',
  'QcAgreement', 'QcDecision', 'QcObserver', 'DisplayRegion', 'AlgorithmIdentification', 'ImageLibrary', 'ReportSubject', 'ReportVerification',
  'SopInForce', 'SopChecklistResult', 'canonicalJson', 'canonicalJsonSha256', 'describeJudgedSeg', 'judgeSegmentations', 'reportSourceSeries',
  'displayRegionOfMasks', 'nsdCode', 'annotationCode', 'acceptedCode', 'readSrDataset',
])('exports %s', (name) => {
  expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
});

test('exports the SOP class and the code tables', () => {
  expect(core.QC_REPORT_SOP_CLASS_UID).toBe('1.2.840.10008.5.1.4.1.1.88.34');
  expect(core.SR_CODES.ImagingMeasurementReport).toEqual({ value: '126000', scheme: 'DCM', meaning: 'Imaging Measurement Report' });
  expect(core.PERFORMING_ROLES.adjudicator.value).toBe('C96561');
  expect(core.QC_DECISIONS.agreed.value).toBe('AGREED');
  expect(core.QC_ROLES).toEqual(['reviewer', 'adjudicator', 'reader']);
});
