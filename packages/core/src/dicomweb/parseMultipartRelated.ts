import { MultipartParseError } from './MultipartParseError';

/** One body part: its headers by lower-case name, and its bytes (a view into the body, not a copy). */
export interface MultipartPart {
  headers: Record<string, string>;
  body: Uint8Array;
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Splits a multipart/related body — a WADO-RS answer (PS3.18 8.7.3.3) — into its parts, in order.
 * `contentType` is the answer's Content-Type header; its `boundary` parameter may be quoted.
 *
 * RFC 2046 5.1.1: a delimiter is `--boundary` at the start of the body or after a CRLF (which
 * belongs to it, not to the part before), followed by `--` (the close delimiter) or by optional
 * spaces and a CRLF. Boundary bytes anywhere else — inside a DICOM file, or followed by other
 * characters — are payload. The preamble before the first delimiter and the epilogue after the
 * last are ignored. Line ends must be CRLF. Throws a MultipartParseError on anything else,
 * including a body that ends before its close delimiter (a truncated download).
 */
export function parseMultipartRelated(body: Uint8Array, contentType: string): MultipartPart[] {
  const delimiter = asciiBytes(`--${boundaryOf(contentType)}`);
  let at = findDelimiter(body, delimiter, 0);
  if (at < 0) throw new MultipartParseError(`the body has no "${latin1(delimiter, 0, delimiter.length)}" delimiter line`);
  const parts: MultipartPart[] = [];
  for (;;) {
    let end = at + delimiter.length;
    if (body[end] === DASH) return parts; // findDelimiter saw "--": the close delimiter.
    while (body[end] === SPACE || body[end] === TAB) end++;
    const partStart = end + 2; // past the CRLF findDelimiter checked
    const next = findDelimiter(body, delimiter, partStart);
    if (next < 0) throw new MultipartParseError(`part ${parts.length + 1} does not end with a delimiter: the body is truncated`);
    parts.push(splitPart(body, partStart, next - 2, parts.length + 1));
    at = next;
  }
}

/** The boundary parameter of a multipart Content-Type, unquoted (RFC 2045 5.1). */
function boundaryOf(contentType: string): string {
  if (!/^\s*multipart\//i.test(contentType)) throw new MultipartParseError(`Content-Type "${contentType}" is not multipart`);
  for (const [, name, raw] of contentType.matchAll(/;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    if (name.toLowerCase() !== 'boundary') continue;
    const boundary = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.trim();
    // RFC 2046 caps a boundary at 70 characters; a longer one is still unambiguous, so it is read.
    if (boundary.length === 0) throw new MultipartParseError('the boundary parameter is empty');
    return boundary;
  }
  throw new MultipartParseError(`Content-Type "${contentType}" has no boundary parameter`);
}

/**
 * Index of the next delimiter at or after `from` (of its `--`): at the very start of the body, or
 * after a CRLF; -1 when there is none. A candidate the body ends inside of is a truncation.
 */
function findDelimiter(body: Uint8Array, delimiter: Uint8Array, from: number): number {
  if (from === 0 && delimiterEndsAt(body, delimiter, 0)) return 0;
  for (let cr = body.indexOf(CR, from); cr >= 0; cr = body.indexOf(CR, cr + 1)) {
    if (body[cr + 1] === LF && delimiterEndsAt(body, delimiter, cr + 2)) return cr + 2;
  }
  return -1;
}

/** Whether `delimiter` sits at `at` followed by `--` or by spaces and a CRLF. */
function delimiterEndsAt(body: Uint8Array, delimiter: Uint8Array, at: number): boolean {
  if (at + delimiter.length > body.length) return false;
  for (let i = 0; i < delimiter.length; i++) if (body[at + i] !== delimiter[i]) return false;
  let end = at + delimiter.length;
  if (end + 1 < body.length && body[end] === DASH && body[end + 1] === DASH) return true;
  while (end < body.length && (body[end] === SPACE || body[end] === TAB)) end++;
  if (end + 1 < body.length && body[end] === CR && body[end + 1] === LF) return true;
  if (end + 1 >= body.length) throw new MultipartParseError('the body ends inside a delimiter line: it is truncated');
  return false;
}

/**
 * Headers up to the first blank line, then the body (RFC 2046 5.1.1: `MIME-part-headers [CRLF
 * *OCTET]`). `[start, end)` is the part without the CRLF of the next delimiter; the blank line of a
 * part with headers and no body may share that CRLF.
 */
function splitPart(body: Uint8Array, start: number, end: number, number: number): MultipartPart {
  if (start === end) return { headers: {}, body: body.subarray(start, end) };
  if (body[start] === CR && body[start + 1] === LF) return { headers: {}, body: body.subarray(start + 2, end) };
  for (let cr = body.indexOf(CR, start); cr >= 0 && cr + 3 <= end + 1; cr = body.indexOf(CR, cr + 1)) {
    if (body[cr + 1] === LF && body[cr + 2] === CR && body[cr + 3] === LF) {
      return { headers: parseHeaders(latin1(body, start, cr)), body: body.subarray(Math.min(cr + 4, end), end) };
    }
  }
  throw new MultipartParseError(`part ${number} has no blank line after its headers`);
}

/** `Name: value` lines (RFC 5322 2.2; a line that starts with a space or tab continues the previous one). */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && last !== undefined) {
      headers[last] = `${headers[last]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartParseError(`"${line.slice(0, 60)}" is not a part header`);
    last = line.slice(0, colon).trim().toLowerCase();
    headers[last] = line.slice(colon + 1).trim();
  }
  return headers;
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}
