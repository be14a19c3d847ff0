/** SOP Class UIDs SegQC reads or writes (PS3.4 Annex B / PS3.6 Table A-1), as data. */
export const SOP_CLASS = Object.freeze({
  CtImageStorage: '1.2.840.10008.5.1.4.1.1.2',
  EnhancedCtImageStorage: '1.2.840.10008.5.1.4.1.1.2.1',
  MrImageStorage: '1.2.840.10008.5.1.4.1.1.4',
  EnhancedMrImageStorage: '1.2.840.10008.5.1.4.1.1.4.1',
  SegmentationStorage: '1.2.840.10008.5.1.4.1.1.66.4',
  LabelMapSegmentationStorage: '1.2.840.10008.5.1.4.1.1.66.7',
  ComprehensiveSrStorage: '1.2.840.10008.5.1.4.1.1.88.33',
  Comprehensive3dSrStorage: '1.2.840.10008.5.1.4.1.1.88.34',
});
