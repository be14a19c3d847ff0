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
