/**
 * gzip (RFC 1952) members around DEFLATE data: `.nii.gz` files and NRRD's `encoding: gzip`.
 * Every member's CRC-32 and ISIZE are checked, so a corrupt file is an error, not wrong voxels.
 */
import { CompressedDataError } from './CompressedDataError';
import { crc32 } from './crc32';
import { inflateInto } from './inflate';

// FLG bits (RFC 1952 §2.3.1).
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FRESERVED = 0xe0;

/** True when `bytes[at]` starts a gzip member (ID1 ID2 = 1f 8b). */
export function isGzip(bytes: Uint8Array, at = 0): boolean {
  return bytes.length >= at + 2 && bytes[at] === 0x1f && bytes[at + 1] === 0x8b;
}

/**
 * The most bytes `compressedLength` bytes of DEFLATE data can decode to: a 258-byte match costs
 * at least 2 bits, so 1032:1. Compare a header's declared size to it before allocating.
 */
export function maxInflatedSize(compressedLength: number): number {
  return compressedLength * 1032;
}

/** Offset of the DEFLATE data of the member at `start`, after its header (§2.3). */
function memberDataStart(bytes: Uint8Array, start: number): number {
  const truncated = (): CompressedDataError => new CompressedDataError('gzip.header', 'the gzip header is truncated', bytes.length);
  if (!isGzip(bytes, start)) throw new CompressedDataError('gzip.ID', 'not gzip data (no 1f 8b signature)', start);
  if (start + 10 > bytes.length) throw truncated();
  if (bytes[start + 2] !== 8) throw new CompressedDataError('gzip.CM', `compression method ${bytes[start + 2]} is not DEFLATE (8)`, start + 2);
  const flags = bytes[start + 3];
  if (flags & FRESERVED) throw new CompressedDataError('gzip.FLG', 'reserved flag bits are set', start + 3);
  let at = start + 10;
  if (flags & FEXTRA) {
    if (at + 2 > bytes.length) throw truncated();
    at += 2 + (bytes[at] | (bytes[at + 1] << 8));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    while (at < bytes.length && bytes[at] !== 0) at++;
    at++; // the terminating zero
  }
  if (flags & FHCRC) at += 2;
  if (at > bytes.length) throw truncated();
  return at;
}

/**
 * Decompresses all gzip members of `bytes` into `output` and returns how many bytes were written
 * (fewer than `output.length` when the data is shorter; the caller decides whether that is an
 * error). Data longer than `output` is a `CompressedDataError`; bytes after the last member that
 * are not another member are ignored, as gzip(1) does.
 */
export function gunzipInto(bytes: Uint8Array, output: Uint8Array): number {
  let at = 0;
  let out = 0;
  do {
    const result = inflateInto(bytes, memberDataStart(bytes, at), output, out);
    const trailer = result.inputEnd;
    if (trailer + 8 > bytes.length) throw new CompressedDataError('gzip.CRC32', 'the gzip trailer (CRC32, ISIZE) is truncated', bytes.length);
    const expectedCrc = (bytes[trailer] | (bytes[trailer + 1] << 8) | (bytes[trailer + 2] << 16) | (bytes[trailer + 3] << 24)) >>> 0;
    const expectedSize = (bytes[trailer + 4] | (bytes[trailer + 5] << 8) | (bytes[trailer + 6] << 16) | (bytes[trailer + 7] << 24)) >>> 0;
    const written = result.outputEnd - out;
    if (written % 2 ** 32 !== expectedSize) {
      throw new CompressedDataError('gzip.ISIZE', `the member decompressed to ${written} bytes, its trailer says ${expectedSize}`, trailer + 4);
    }
    const actualCrc = crc32(output, out, result.outputEnd);
    if (actualCrc !== expectedCrc) {
      throw new CompressedDataError('gzip.CRC32', `checksum ${hex(actualCrc)} of the decompressed data does not match ${hex(expectedCrc)}`, trailer);
    }
    out = result.outputEnd;
    at = trailer + 8;
  } while (isGzip(bytes, at));
  return out;
}

/**
 * The first `length` decompressed bytes (fewer when the data is shorter), decoding no further
 * and so without the CRC check: enough to read a header before sizing the whole.
 */
export function gunzipPrefix(bytes: Uint8Array, length: number): Uint8Array {
  const output = new Uint8Array(length);
  const result = inflateInto(bytes, memberDataStart(bytes, 0), output, 0, true);
  return output.subarray(0, result.outputEnd);
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}
