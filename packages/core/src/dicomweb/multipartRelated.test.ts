import { multipartRelatedBody, randomBoundary } from './multipartRelated';

// Why: a STOW-RS body is RFC 2387 multipart/related (PS3.18 8.6.1.2); the CRLF before each
// delimiter belongs to the delimiter, so a part's bytes must come back out exactly — a stray or
// missing CRLF corrupts the last byte of every instance.
test('each instance sits between its part header and the next delimiter, byte for byte', () => {
  const a = Uint8Array.from([0x44, 0x49, 0x43, 0x4d, 0x0d, 0x0a]);
  const b = Uint8Array.from([0x00, 0xff]);
  const { contentType, body } = multipartRelatedBody([a, b], 'B0undary');
  expect(contentType).toBe('multipart/related; type="application/dicom"; boundary=B0undary');
  const header = 'Content-Type: application/dicom\r\n\r\n';
  expect(Buffer.from(body).toString('latin1')).toBe(
    `--B0undary\r\n${header}DICM\r\n\r\n--B0undary\r\n${header}\u0000\u00ff\r\n--B0undary--\r\n`,
  );
  expect(body.buffer).toBeInstanceOf(ArrayBuffer);
});

test('the random boundary is 32 base-36 characters after "segqc-", repeatable with a seeded source', () => {
  let i = 0;
  const counter = () => (i++ % 36) / 36;
  expect(randomBoundary(counter)).toBe('segqc-0123456789abcdefghijklmnopqrstuv');
  expect(randomBoundary(() => 0.999999)).toBe(`segqc-${'z'.repeat(32)}`);
});
