// The engine has no TextEncoder (ES2022 lib only); its own encoder must match the platform one,
// because UIDs and hashes are derived from these bytes.
import { encodeUtf8 } from './utf8';

describe('encodeUtf8', () => {
  it.each([
    ['ascii', 'SegQC implementation'],
    ['2-byte', 'Müller^Jürgen'],
    ['3-byte', '山田^太郎'],
    ['4-byte surrogate pair', 'lesion 🫁'],
    ['empty', ''],
  ])('matches TextEncoder for %s text', (_, text) => {
    expect(Array.from(encodeUtf8(text))).toEqual(Array.from(new TextEncoder().encode(text)));
  });

  it('replaces a lone surrogate with U+FFFD like TextEncoder', () => {
    expect(Array.from(encodeUtf8('a\ud800b'))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });
});
