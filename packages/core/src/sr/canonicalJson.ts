/**
 * Canonical JSON of a SOP (DESIGN.md "SOPs": the hash ties every result to the exact text in
 * force): object keys sorted by UTF-16 code units, no whitespace, values as JSON.stringify writes
 * them. Two files that parse to the same value have the same canonical JSON, whatever their
 * formatting or key order.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { sha256Hex } from '../hash/sha256';
import { encodeUtf8 } from '../text/utf8';

export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DicomValueError(path, `${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, n) => canonicalJson(item, `${path}[${n}]`)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], `${path}.${key}`)}`);
    return `{${entries.join(',')}}`;
  }
  throw new DicomValueError(path, `a ${typeof value} has no JSON form`);
}

/** SHA-256 (64 lowercase hex digits) of the UTF-8 bytes of the canonical JSON. */
export function canonicalJsonSha256(value: unknown): string {
  return sha256Hex(encodeUtf8(canonicalJson(value)));
}
