// Other packages (the OHIF extension, the CLI, demo data) import the engine only through this
// index; a missing re-export breaks them at bundle time, not at compile time of this package.
import * as core from './index';

describe('@segqc/core public API', () => {
  it.each([
    'sha256', 'sha256Hex', 'encodeUtf8', 'uidFromName', 'randomUid', 'writePart10', 'readPart10', 'CodedConcept',
    'DicomValueError', 'personIdentificationItem', 'specificCharacterSetFor', 'buildBinarySeg', 'SegmentDescription',
    'SegValueError', 'describeSourceGeometry', 'srgbToDicomLab', 'dicomLabToSrgb', 'packBinaryFrames', 'unpackBinaryFrames',
  ])('exports the function or class %s', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the code tables and constants with their standard values', () => {
    expect(core.SOP_CLASS.SegmentationStorage).toBe('1.2.840.10008.5.1.4.1.1.66.4');
    expect(core.SCT.Nodule).toEqual({ value: '27925004', scheme: 'SCT', meaning: 'Nodule' });
    expect(core.DCM.SourceImageForImageProcessingOperation.value).toBe('121322');
    expect(core.SEGQC_SCHEME_DESIGNATOR).toBe('99SEGQC');
    expect(core.SEGQC_MANUFACTURER).toBe('SegQC');
    expect(core.IMPLEMENTATION_VERSION_NAME).toBe('SEGQC_0_1');
    expect(core.SEGMENT_ALGORITHM_TYPES).toEqual(['MANUAL', 'SEMIAUTOMATIC', 'AUTOMATIC']);
  });
});
