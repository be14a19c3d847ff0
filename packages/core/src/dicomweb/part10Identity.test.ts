import { readPart10Identity } from './part10Identity';
import { StowInputError } from './StowInputError';
import { sopUid, tinyCt } from './stow.fixture';

// Why: the client names each instance of a request by the SOP Instance UID in its File Meta
// Information, to match the PACS's answer to what was sent; it must never read past the bytes.
test('reads the SOP Class and Instance UIDs from the File Meta Information, without the NUL padding', () => {
  // …12.17 has 31 characters, an odd length: it is stored padded with a NUL; …12.7 has 30.
  expect(sopUid(17).length % 2).toBe(1);
  expect(readPart10Identity(tinyCt(17), 'instances[0]')).toEqual({ sopClassUID: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUID: sopUid(17) });
  expect(readPart10Identity(tinyCt(7), 'instances[0]').sopInstanceUID).toBe(sopUid(7));
});

test('reads a file that sits inside a larger buffer (a subarray view)', () => {
  const file = tinyCt(3);
  const larger = new Uint8Array(file.length + 10);
  larger.set(file, 10);
  expect(readPart10Identity(larger.subarray(10), 'x').sopInstanceUID).toBe(sopUid(3));
});

test.each([
  ['a short buffer', new Uint8Array(20), 'is not a DICOM Part 10 file'],
  ['a data set without preamble', new Uint8Array(400), 'is not a DICOM Part 10 file'],
  ['a file cut inside an element header of its File Meta Information', tinyCt(1).subarray(0, 150), 'its File Meta Information runs past the end of the file'],
  ['a file cut inside a value of its File Meta Information', tinyCt(1).subarray(0, 180), 'its File Meta Information element \\(0002,0002\\) runs past the end of the file'],
])('%s: StowInputError naming the argument', (_, bytes, reason) => {
  expect(() => readPart10Identity(bytes, 'instances[4]')).toThrow(StowInputError);
  expect(() => readPart10Identity(bytes, 'instances[4]')).toThrow(new RegExp(`^instances\\[4\\]: ${reason}`));
});

test('a File Meta Information without MediaStorageSOPInstanceUID is refused', () => {
  const bytes = tinyCt(1);
  // Rename (0002,0003) to (0002,0009), an element the reader skips.
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let offset = 132;
  while (view.getUint16(offset + 2, true) !== 0x0003) offset += 8 + (['OB'].includes(String.fromCharCode(bytes[offset + 4], bytes[offset + 5])) ? 4 + view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true));
  view.setUint16(offset + 2, 0x0009, true);
  expect(() => readPart10Identity(bytes, 'instances[0]')).toThrow('instances[0]: has no MediaStorageSOPInstanceUID (0002,0003)');
});
