// Every object SegQC stores goes through writePart10: the file must carry our implementation
// identity, Explicit VR Little Endian, and read back to the same values.
import dcmjs from 'dcmjs';
import { writePart10, EXPLICIT_VR_LITTLE_ENDIAN, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './part10';
import { readPart10 } from './readPart10';
import { uidFromName } from './uid';
import { DicomValueError } from './DicomValueError';

const dataset = {
  SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
  SOPInstanceUID: uidFromName('part10 test'),
  PatientName: 'Test^Patient',
  PatientID: 'P001',
  Rows: 2,
  Columns: 2,
  ImagePositionPatient: [-10.5, 20.25, -123.75],
  DimensionIndexPointer: 0x0062000b,
  PixelData: [new Uint16Array([1, 2, 3, 4]).buffer],
  _vrMap: { PixelData: 'OW' },
};

describe('writePart10', () => {
  const bytes = writePart10(dataset);

  it('writes the 128-byte preamble and the DICM prefix', () => {
    expect(Array.from(bytes.slice(0, 128)).every((b) => b === 0)).toBe(true);
    expect(String.fromCharCode(...bytes.slice(128, 132))).toBe('DICM');
  });

  it('writes our File Meta Information in Explicit VR Little Endian', () => {
    const { meta } = readPart10(bytes);
    expect(meta['TransferSyntaxUID']).toBe(EXPLICIT_VR_LITTLE_ENDIAN);
    expect(meta['MediaStorageSOPClassUID']).toBe(dataset.SOPClassUID);
    expect(meta['MediaStorageSOPInstanceUID']).toBe(dataset.SOPInstanceUID);
    expect(meta['ImplementationClassUID']).toBe(uidFromName('SegQC implementation'));
    expect(meta['ImplementationClassUID']).toBe(IMPLEMENTATION_CLASS_UID);
    expect(meta['ImplementationVersionName']).toBe(IMPLEMENTATION_VERSION_NAME);
    expect(IMPLEMENTATION_VERSION_NAME).toBe('SEGQC_0_1');
  });

  it('round-trips the dataset values', () => {
    const { dataset: read } = readPart10(bytes);
    expect(read['PatientID']).toBe('P001');
    expect(read['PatientName']).toEqual([{ Alphabetic: 'Test^Patient' }]);
    expect(read['ImagePositionPatient']).toEqual([-10.5, 20.25, -123.75]);
    expect(read['DimensionIndexPointer']).toBe(0x0062000b);
    expect(Array.from(new Uint16Array((read['PixelData'] as ArrayBuffer[])[0]))).toEqual([1, 2, 3, 4]);
  });

  it('is deterministic: the same dataset gives the same bytes', () => {
    expect(Buffer.from(writePart10(dataset)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('names the missing attribute when the SOP identity is absent', () => {
    expect(() => writePart10({ SOPClassUID: '1.2.3' })).toThrow(DicomValueError);
    expect(() => writePart10({ SOPClassUID: '1.2.3' })).toThrow('SOPInstanceUID: is required');
  });

  // A multipart body's part (a gateway's STOW check) is a Node Buffer view into the whole body:
  // Buffer#slice() shares memory, so the copy for dcmjs must not rely on it.
  it('reads a file that is a Node Buffer view into a larger buffer', () => {
    const body = Buffer.concat([Buffer.from('--boundary\r\n\r\n'), Buffer.from(bytes), Buffer.from('\r\n--boundary--')]);
    const part = body.subarray(14, 14 + bytes.length);
    expect(readPart10(part).dataset.SOPInstanceUID).toBe(dataset.SOPInstanceUID);
  });
});

// Issue 16: writePart10 appends Pixel Data itself (dcmjs copies megabytes at every stream level).
// The file must be byte for byte the one dcmjs writes whole.
describe('writePart10: Pixel Data appended after the rest', () => {
  function dcmjsPart10(content: Record<string, unknown>): Uint8Array {
    const { DicomDict, DicomMetaDictionary } = dcmjs.data;
    const meta = {
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: content['SOPClassUID'],
      MediaStorageSOPInstanceUID: content['SOPInstanceUID'],
      TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
      ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
      ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
    };
    const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
    dict.dict = DicomMetaDictionary.denaturalizeDataset(content);
    return new Uint8Array(dict.write());
  }

  it.each([
    ['OW, even length', { ...dataset }],
    ['OB of an odd length (padded to even)', { ...dataset, PixelData: [Uint8Array.of(1, 2, 3, 4, 5).buffer], _vrMap: { PixelData: 'OB' } }],
    ['a sequence before it', { ...dataset, ReferencedSeriesSequence: [{ SeriesInstanceUID: uidFromName('part10 series') }] }],
    ['an element after it (Data Set Trailing Padding): written by dcmjs whole', { ...dataset, DataSetTrailingPadding: new Uint8Array(2).buffer }],
  ])('%s: the bytes dcmjs writes', (_, content) => {
    const ours = writePart10(content);
    expect(Buffer.from(ours).equals(Buffer.from(dcmjsPart10(content)))).toBe(true);
    expect(readPart10(ours).dataset['PixelData']).toBeDefined();
  });
});
