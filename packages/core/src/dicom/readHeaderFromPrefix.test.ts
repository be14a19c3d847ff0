// segqc seg reads only the first bytes of each source image (issue 16): a prefix is taken for the
// header only when parsing reaches Pixel Data inside it, so that no attribute is silently missing.
import { writePart10 } from './part10';
import { readHeader, readHeaderFromPrefix } from './readHeader';
import { uidFromName } from './uid';

const image = {
  SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
  SOPInstanceUID: uidFromName('prefix test'),
  SeriesInstanceUID: uidFromName('prefix test series'),
  PatientName: 'Test^Patient',
  ImagePositionPatient: [-10.5, 20.25, -123.75],
  Rows: 4,
  Columns: 4,
  PixelData: [new Uint16Array(16).fill(7).buffer],
  _vrMap: { PixelData: 'OW' },
};
const bytes = writePart10(image);
const pixelDataAt = bytes.length - 12 - 32; // the element header, then 16 × 2 bytes

test('a prefix reaching Pixel Data gives the header readHeader gives from the whole file', () => {
  for (const length of [pixelDataAt + 4, pixelDataAt + 12, bytes.length]) {
    expect(readHeaderFromPrefix(bytes.subarray(0, length))).toEqual(readHeader(bytes));
  }
  expect(readHeaderFromPrefix(bytes)?.['ImagePositionPatient']).toEqual([-10.5, 20.25, -123.75]);
});

test('a prefix ending before Pixel Data, inside an element or exactly between two, gives nothing', () => {
  const boundaries: number[] = [];
  for (let length = 140; length < pixelDataAt + 4; length++) {
    const header = readHeaderFromPrefix(bytes.subarray(0, length));
    expect(header).toBeUndefined();
    // readHeader itself reads such a prefix without complaint whenever it ends between elements.
    try {
      readHeader(bytes.subarray(0, length));
      boundaries.push(length);
    } catch {
      // cut inside an element
    }
  }
  expect(boundaries.length).toBeGreaterThan(3);
});

test('a file without Pixel Data: no prefix is taken for its header, however long', () => {
  const { PixelData: _pixels, _vrMap: _vr, ...headerOnly } = image;
  const whole = writePart10(headerOnly);
  expect(readHeaderFromPrefix(whole)).toBeUndefined();
});
