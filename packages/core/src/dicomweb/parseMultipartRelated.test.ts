import { SeededRandom } from '../stats/SeededRandom';
import { ascii, concat, orthancMultipart } from './dicomwebRead.fixture';
import { MultipartParseError } from './MultipartParseError';
import { multipartRelatedBody } from './multipartRelated';
import { parseMultipartRelated } from './parseMultipartRelated';

// Why: every WADO-RS instance reaches the viewer as an RFC 2046 multipart body (PS3.18 8.7.3.3).
// The CRLF before a delimiter belongs to the delimiter, and a DICOM file may hold any bytes —
// boundary look-alikes included — so a part must come out byte for byte or the SEG is corrupt; and
// a download cut short must fail loudly rather than give a shorter file.

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const parse = (body: string | Uint8Array, contentType = 'multipart/related; type="application/dicom"; boundary=B0undary') =>
  parseMultipartRelated(typeof body === 'string' ? ascii(body) : body, contentType);
const failure = (run: () => unknown): MultipartParseError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MultipartParseError);
    return error as MultipartParseError;
  }
  throw new Error('expected a MultipartParseError');
};

describe('parts', () => {
  test("Orthanc's answer: one part, its three headers by lower-case name, the file byte for byte", () => {
    const file = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const answer = orthancMultipart([file]);
    if (!('status' in answer) || !(answer.body instanceof Uint8Array)) throw new Error('fixture');
    const parts = parseMultipartRelated(answer.body, answer.headers!['Content-Type']);
    expect(parts).toHaveLength(1);
    expect(parts[0].headers).toEqual({ 'content-type': 'application/dicom', 'content-length': '300', 'mime-version': '1.0' });
    expect([...parts[0].body]).toEqual([...file]);
    expect(parts[0].body.buffer).toBe(answer.body.buffer); // a view, not a copy
  });

  test('several parts, a preamble and an epilogue; a payload may end in CRLF of its own', () => {
    const parts = parse('This is the preamble.\r\n--B0undary\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n\r\n--B0undary\r\n\r\nsecond\r\n--B0undary--\r\nepilogue');
    expect(parts.map((part) => [part.headers, text(part.body)])).toEqual([
      [{ 'content-type': 'application/dicom' }, 'first\r\n'],
      [{}, 'second'],
    ]);
  });

  test('quoted boundary with characters that need quotes, parameters in any order and case', () => {
    const body = '--a:b=c?d\r\nContent-Type: application/dicom\r\n\r\nx\r\n--a:b=c?d--';
    expect(text(parse(body, 'Multipart/Related; BOUNDARY="a:b=c?d"; type="application/dicom"')[0].body)).toBe('x');
    expect(text(parse('--q"r\r\n\r\ny\r\n--q"r--', 'multipart/related; boundary="q\\"r"')[0].body)).toBe('y');
    expect(text(parse('--plain\r\n\r\nz\r\n--plain--', 'multipart/related;boundary = plain ; type=application/dicom')[0].body)).toBe('z');
  });

  test('boundary bytes inside a payload are payload: not after a CRLF, or followed by other characters', () => {
    const payload = 'a--B0undary\r\nb\r\n--B0undaryX\r\nc\r\n--B0undary-x\r\n--B0undar';
    const parts = parse(`--B0undary\r\n\r\n${payload}\r\n--B0undary--\r\n`);
    expect(parts.map((part) => text(part.body))).toEqual([payload]);
  });

  test('transport padding after a delimiter, folded headers, a part with headers and no body, an empty part', () => {
    const parts = parse('--B0undary  \t\r\nContent-Type: application/dicom;\r\n transfer-syntax=1.2.840.10008.1.2.1\r\n\r\nbody\r\n--B0undary\r\nX-Empty: yes\r\n\r\n--B0undary\r\n\r\n--B0undary--');
    expect(parts.map((part) => [part.headers, text(part.body)])).toEqual([
      [{ 'content-type': 'application/dicom; transfer-syntax=1.2.840.10008.1.2.1' }, 'body'],
      [{ 'x-empty': 'yes' }, ''],
      [{}, ''],
    ]);
  });

  test('a close delimiter alone is a body with no part', () => {
    expect(parse('--B0undary--\r\n')).toEqual([]);
  });

  test('round trip: three random 64 KiB payloads full of CR, LF and dashes, written by the STOW-RS body writer', () => {
    const random = new SeededRandom(20240517);
    const alphabet = [0x0d, 0x0a, 0x2d, 0x42, 0x30, 0x00, 0xff];
    const payloads = [0, 1, 2].map(() => Uint8Array.from({ length: 65536 }, () => alphabet[random.nextInt(alphabet.length)]));
    payloads[1].set(ascii('\r\n--B0undarx\r\n--B0undary_'), 1000); // near-misses of the delimiter
    const { body, contentType } = multipartRelatedBody(payloads, 'B0undary');
    const parts = parseMultipartRelated(body, contentType);
    expect(parts.map((part, i) => Buffer.from(part.body).equals(Buffer.from(payloads[i])))).toEqual([true, true, true]);
  });
});

describe('malformed bodies: a MultipartParseError saying what is wrong', () => {
  test('a Content-Type that is not multipart, or has no boundary, or an empty one', () => {
    expect(failure(() => parse('--B0undary--', 'application/dicom')).message).toBe('malformed multipart/related body: Content-Type "application/dicom" is not multipart');
    expect(failure(() => parse('--B0undary--', 'multipart/related; type="application/dicom"')).reason).toBe('Content-Type "multipart/related; type="application/dicom"" has no boundary parameter');
    expect(failure(() => parse('----', 'multipart/related; boundary=""')).reason).toBe('the boundary parameter is empty');
  });

  test('a body without the delimiter of its Content-Type', () => {
    expect(failure(() => parse('--Other\r\n\r\nx\r\n--Other--')).reason).toBe('the body has no "--B0undary" delimiter line');
    expect(failure(() => parse('')).reason).toBe('the body has no "--B0undary" delimiter line');
  });

  test('truncated: inside a part, inside the close delimiter, right after a delimiter', () => {
    const whole = ascii('--B0undary\r\nContent-Type: application/dicom\r\n\r\nDICM....\r\n--B0undary--\r\n');
    const cut = (end: number) => failure(() => parse(whole.subarray(0, end))).reason;
    expect(cut(whole.length - 20)).toBe('part 1 does not end with a delimiter: the body is truncated');
    expect(cut(whole.length - 3)).toBe('the body ends inside a delimiter line: it is truncated'); // "...--B0undary-"
    expect(cut(whole.length - 4)).toBe('the body ends inside a delimiter line: it is truncated'); // "...--B0undary"
    expect(cut(10)).toBe('the body ends inside a delimiter line: it is truncated');
    expect(cut(whole.length - 8)).toBe('part 1 does not end with a delimiter: the body is truncated'); // "...\r\n--B0u"
    expect(parse(whole.subarray(0, whole.length - 2))).toHaveLength(1); // no CRLF after the close delimiter: complete
  });

  test('a part whose headers never end, or a header line without a name', () => {
    expect(failure(() => parse('--B0undary\r\nContent-Type: application/dicom\r\nDICM\r\n--B0undary--')).reason).toBe('part 1 has no blank line after its headers');
    expect(failure(() => parse('--B0undary\r\n: no name\r\n\r\nx\r\n--B0undary--')).reason).toBe('": no name" is not a part header');
  });

  test('an 8 MiB part of CR bytes, each one a delimiter candidate, comes out whole', () => {
    const file = new Uint8Array(8 << 20).fill(0x0d);
    const body = concat([ascii('--B0undary\r\n\r\n'), file, ascii('\r\n--B0undary--\r\n')]);
    expect(parse(body)[0].body.length).toBe(file.length);
  });
});
