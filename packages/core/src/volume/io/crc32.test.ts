import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32 } from './crc32';

test('the CRC-32 check value of "123456789" is cbf43926 (the catalogue value for CRC-32/ISO-HDLC)', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
});

test('slices and continuation agree with one pass, for every length mod 4', () => {
  const data = Uint8Array.from({ length: 1031 }, (_, i) => (i * 131 + (i >> 3)) & 0xff);
  for (const end of [1, 2, 3, 4, 5, 1029, 1030, 1031]) {
    const whole = crc32(data, 0, end);
    const split = crc32(data, 7 > end ? end : 7, end, crc32(data, 0, 7 > end ? end : 7));
    expect(split).toBe(whole);
    if (typeof zlibCrc32 === 'function') expect(whole).toBe(zlibCrc32(data.subarray(0, end)));
  }
});

// Issue 16: blocks of zero bytes (a label volume's background) are stepped over with one table
// look-up per register byte; the checksum must stay zlib's, wherever the zeros start and end.
test('zero runs at every alignment and length, inside and around data: the checksum zlib computes', () => {
  const data = new Uint8Array(4096 + 3);
  let seed = 7;
  for (let n = 0; n < data.length; n++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    // Islands of data in long zero runs.
    data[n] = n % 700 < 40 ? seed >>> 24 : 0;
  }
  for (const start of [0, 1, 2, 3, 5, 64, 130]) {
    for (const end of [start, start + 1, start + 63, start + 64, start + 65, start + 200, data.length]) {
      expect(crc32(data, start, end)).toBe(zlibCrc32(data.subarray(start, end)));
    }
  }
  expect(crc32(new Uint8Array(1 << 20))).toBe(zlibCrc32(new Uint8Array(1 << 20)));
  // A view at an odd offset of its buffer.
  expect(crc32(data.subarray(1))).toBe(zlibCrc32(data.subarray(1)));
});
