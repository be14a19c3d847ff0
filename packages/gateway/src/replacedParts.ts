/**
 * A STOW-RS body (multipart/related, PS3.18 8.6.1.2) with the content of some parts replaced — the
 * SEGs the gateway recorded the creator in (stampCreator.ts), the reports and reference SEGs it
 * signed (signedStoreBody.ts) — and everything else as the client
 * sent it, byte for byte: the preamble, the boundary and every delimiter line, each part's headers,
 * the other parts, the epilogue. The request's Content-Type (its boundary) stays; its length is the
 * new body's (dicomwebGateway.ts sends it).
 */
import { parseMultipartRelated, type MultipartPart } from '@segqc/core';
import { StoreRefusal } from './storeRefusal';

export interface PartReplacement {
  /** A part parseMultipartRelated found in the body: its `body` is a view into the body's bytes. */
  part: MultipartPart;
  bytes: Uint8Array;
}

/** `parts` are the body's parts as parseMultipartRelated found them (storeBody.ts parsed them once). */
export function withPartsReplaced(body: Uint8Array, contentType: string, parts: readonly MultipartPart[], replacements: readonly PartReplacement[]): Buffer {
  const located = replacements.map((replacement) => ({ ...replacement, start: offsetIn(body, replacement.part.body) })).sort((a, b) => a.start - b.start);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const { part, bytes, start } of located) {
    chunks.push(body.subarray(at, start), bytes);
    at = start + part.body.length;
  }
  chunks.push(body.subarray(at));
  const rebuilt = Buffer.concat(chunks);
  // A new part holding "CRLF--boundary" would be split there by the PACS: the body must still be
  // the same parts, the new ones as written.
  const after = parseMultipartRelated(rebuilt, contentType);
  const expected = parts.map((part) => located.find((replacement) => replacement.start === offsetIn(body, part.body))?.bytes ?? part.body);
  if (after.length !== expected.length || after.some((part, n) => !Buffer.from(part.body).equals(Buffer.from(expected[n]!)))) {
    throw new StoreRefusal(400, 'the body\'s boundary occurs in an object the gateway rewrote (a SEG it recorded you as the creator of, an object it signed): send it again with another boundary');
  }
  return rebuilt;
}

/** Where `part` (a view into `body`'s bytes) starts in `body`. */
function offsetIn(body: Uint8Array, part: Uint8Array): number {
  const start = part.byteOffset - body.byteOffset;
  if (part.buffer !== body.buffer || start < 0 || start + part.length > body.length) throw new Error('a replaced part is not a view into the STOW body');
  return start;
}
