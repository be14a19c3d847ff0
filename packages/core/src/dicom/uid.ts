/**
 * DICOM UIDs under the `2.25` root: the decimal value of a 128-bit UUID (PS3.5 B.2, ISO/IEC 9834-8).
 */
import { sha256 } from '../hash/sha256';
import { encodeUtf8 } from '../text/utf8';

/**
 * A deterministic UID for `name`: the first 128 bits of SHA-256(UTF-8 name) with the version and
 * variant bits of an RFC 9562 version-8 (custom, name-based) UUID, written as `2.25.<decimal>`.
 * The same name always gives the same UID; at most 44 characters, no leading zeros.
 */
export function uidFromName(name: string): string {
  const bytes = sha256(encodeUtf8(name)).slice(0, 16);
  return uuidBytesToUid(bytes, 8);
}

/** A random UID (`2.25.` + an RFC 9562 version-4 UUID) from `globalThis.crypto.getRandomValues`. */
export function randomUid(): string {
  const crypto = (globalThis as { crypto?: { getRandomValues<T extends Uint8Array>(array: T): T } }).crypto;
  if (!crypto?.getRandomValues) throw new Error('randomUid needs globalThis.crypto.getRandomValues (Node ≥ 19, browsers, workers)');
  return uuidBytesToUid(crypto.getRandomValues(new Uint8Array(16)), 4);
}

function uuidBytesToUid(bytes: Uint8Array, version: number): string {
  bytes[6] = (bytes[6] & 0x0f) | (version << 4); // RFC 9562 §4.2: version in the high nibble of octet 6
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 §4.1: variant 0b10 in octet 8
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return `2.25.${value.toString(10)}`;
}
