/**
 * SHA-256 (FIPS 180-4) over bytes, by @noble/hashes (audited, maintained, no dependencies): it runs
 * the same in Node, in a browser and in a Web Worker, synchronously — `crypto.subtle` is async and
 * absent on plain http, and SegQC hashes pixel data inside workers.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2';

/** The 32-byte SHA-256 digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** The digest as 64 lowercase hex digits. */
export function sha256Hex(data: Uint8Array): string {
  let hex = '';
  for (const byte of sha256(data)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
