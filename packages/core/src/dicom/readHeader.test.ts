import { uidFromName } from './uid';
import { writePart10 } from './part10';
import { readHeader } from './readHeader';
import { DicomValueError } from './DicomValueError';

// The CLI sorts a source folder by SeriesInstanceUID with this; it must not read the pixels and
// must fail typed on files that are not DICOM.
test('reads the attributes before Pixel Data of a Part 10 file', () => {
  const seriesInstanceUID = uidFromName('readHeader/series');
  const file = writePart10({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: uidFromName('readHeader/sop'),
    SeriesInstanceUID: seriesInstanceUID,
    Modality: 'CT',
    Rows: 2,
    Columns: 2,
    BitsAllocated: 16,
    PixelData: [new Uint16Array([1, 2, 3, 4]).buffer],
    _vrMap: { PixelData: 'OW' },
  });
  const header = readHeader(file);
  expect([header.SeriesInstanceUID, header.Modality, header.Rows]).toEqual([seriesInstanceUID, 'CT', 2]);
  expect(header.PixelData).toBeUndefined();
});

test('a file that is not DICOM is a DicomValueError', () => {
  expect(() => readHeader(new TextEncoder().encode('just some text, not a DICOM file at all'.repeat(5)))).toThrow(DicomValueError);
});
