// Known-answer tests from FIPS 180-4 / NIST CSVS examples: the hash ties every QC result to the
// exact SEG pixels and SOP text it judged, so it must be bit-exact.
import { createHash } from 'node:crypto';
import { sha256, sha256Hex } from './sha256';
import { encodeUtf8 } from '../text/utf8';

describe('sha256Hex', () => {
  it('hashes the empty message to the FIPS 180 value', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes "abc" (one block) to the FIPS 180 value', () => {
    expect(sha256Hex(encodeUtf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the 448-bit two-block message to the FIPS 180 value', () => {
    const message = encodeUtf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq');
    expect(sha256Hex(message)).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('hashes one million "a" (15 625 blocks) to the FIPS 180 value', () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto on every length around the 55/56/64-byte padding edges', () => {
    for (let n = 50; n <= 130; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('returns the 32 digest bytes', () => {
    const digest = sha256(encodeUtf8('abc'));
    expect(digest.length).toBe(32);
    expect(digest[0]).toBe(0xba);
    expect(digest[31]).toBe(0xad);
  });
});
