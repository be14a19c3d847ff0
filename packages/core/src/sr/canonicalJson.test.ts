// The SOP hash must not depend on formatting or key order: the canonical JSON is the one text.
import { canonicalJson, canonicalJsonSha256 } from './canonicalJson';

test('keys sorted at every depth, no whitespace, arrays in order', () => {
  expect(canonicalJson({ b: 1, a: [{ z: true, y: null }, 'x'], c: { e: 'é', d: 2.5 } })).toBe('{"a":[{"y":null,"z":true},"x"],"b":1,"c":{"d":2.5,"e":"é"}}');
  expect(canonicalJsonSha256(JSON.parse('{ "version": "1.0.0",\n  "id": "sop" }'))).toBe(canonicalJsonSha256({ id: 'sop', version: '1.0.0' }));
  // SHA-256 of the 30 bytes {"id":"sop","version":"1.0.0"} (Python hashlib)
  expect(canonicalJsonSha256({ id: 'sop', version: '1.0.0' })).toBe('2defd5bcdec061bd2fa6f69bffe20199143965c41a447f1659893d819ea63140');
});

test('what JSON cannot hold is refused with its path', () => {
  expect(() => canonicalJson({ a: [1, Infinity] })).toThrow('$.a[1]: Infinity has no JSON form');
  expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f: a function has no JSON form');
});
