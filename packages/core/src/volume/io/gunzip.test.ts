// gzip members as gzip(1), zlib and ITK write them, and the header options they may carry
// (RFC 1952 §2.3: FEXTRA, FNAME, FCOMMENT, FHCRC), decoded against node:zlib's output.
import { gzipSync } from 'node:zlib';
import { CompressedDataError } from './CompressedDataError';
import { gunzipInto, gunzipPrefix, isGzip, maxInflatedSize } from './gunzip';

const data = Uint8Array.from({ length: 70_000 }, (_, i) => ((i >> 9) % 5 === 0 ? (i * 7) & 0xff : (i >> 11) & 3));
const gz = new Uint8Array(gzipSync(data));

function gunzipAll(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  expect(gunzipInto(bytes, out)).toBe(length);
  return out;
}

test('decodes what zlib writes and checks its CRC32 and ISIZE', () => {
  expect(isGzip(gz)).toBe(true);
  expect(gunzipAll(gz, data.length)).toEqual(data);
});

test('skips FEXTRA, FNAME, FCOMMENT and FHCRC header fields', () => {
  const header = [0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3];
  const extra = [3, 0, 0x41, 0x42, 0x43];
  const name = [...'label.nii'].map((c) => c.charCodeAt(0)).concat(0);
  const comment = [...'made by a test'].map((c) => c.charCodeAt(0)).concat(0);
  const headerCrc = [0x12, 0x34]; // not checked (optional in RFC 1952, rarely written)
  const body = gz.subarray(10);
  const bytes = Uint8Array.from([...header, ...extra, ...name, ...comment, ...headerCrc, ...body]);
  expect(gunzipAll(bytes, data.length)).toEqual(data);
});

test('concatenated members decode one after the other (pigz, appended gzip files)', () => {
  const second = new Uint8Array(gzipSync(data.subarray(0, 1234)));
  const bytes = new Uint8Array(gz.length + second.length + 3);
  bytes.set(gz);
  bytes.set(second, gz.length); // the 3 trailing zero bytes are ignored, as gzip(1) does
  const out = gunzipAll(bytes, data.length + 1234);
  expect(out.subarray(data.length)).toEqual(data.subarray(0, 1234));
});

test('a corrupted checksum, a wrong ISIZE and a truncated trailer are typed errors naming the field', () => {
  const badCrc = gz.slice();
  badCrc[gz.length - 8] ^= 1;
  expect(() => gunzipAll(badCrc, data.length)).toThrow(expect.objectContaining({ field: 'gzip.CRC32' }));
  const badSize = gz.slice();
  badSize[gz.length - 4] ^= 1;
  expect(() => gunzipAll(badSize, data.length)).toThrow(expect.objectContaining({ field: 'gzip.ISIZE' }));
  expect(() => gunzipAll(gz.subarray(0, gz.length - 3), data.length)).toThrow(expect.objectContaining({ field: 'gzip.CRC32' }));
  expect(() => gunzipAll(gz.subarray(0, 5), data.length)).toThrow(expect.objectContaining({ field: 'gzip.header' }));
  const notDeflate = gz.slice();
  notDeflate[2] = 7;
  expect(() => gunzipAll(notDeflate, data.length)).toThrow(expect.objectContaining({ field: 'gzip.CM' }));
  expect(() => gunzipAll(Uint8Array.of(1, 2, 3), 3)).toThrow(CompressedDataError);
});

test('gunzipPrefix reads just a header', () => {
  expect(gunzipPrefix(gz, 348)).toEqual(data.subarray(0, 348));
  expect(gunzipPrefix(new Uint8Array(gzipSync(data.subarray(0, 10))), 348)).toEqual(data.subarray(0, 10));
});

test('maxInflatedSize bounds what zlib achieves on the most compressible input', () => {
  const zeros = new Uint8Array(10 << 20);
  expect(maxInflatedSize(gzipSync(zeros, { level: 9 }).length)).toBeGreaterThan(zeros.length);
});
