/**
 * RLE Lossless decoding of one frame (PS3.5 Annex G): a 64-byte header (number of segments, then
 * up to 15 segment offsets, G.5) and one PackBits-coded segment per byte of a sample, most
 * significant byte first (G.2). Each segment decodes to one byte per pixel (G.3.2): a header byte
 * n in 0…127 copies the next n+1 bytes, n in 129…255 (−127…−1) repeats the next byte 257−n
 * times, 128 is a no-op.
 */
import { SegParseError } from './SegParseError';

/**
 * Decodes `frame` (one frame's compressed bytes) into `out` as native little-endian samples:
 * `pixels` pixels of `bytesPerPixel` bytes. `path` names the frame in errors.
 */
export function decodeRleFrame(frame: Uint8Array, pixels: number, bytesPerPixel: 1 | 2, out: Uint8Array, path: string): void {
  if (frame.length < 64) throw new SegParseError(path, `an RLE frame starts with a 64-byte header; this one has ${frame.length} bytes (PS3.5 G.5)`);
  const segments = u32(frame, 0);
  if (segments !== bytesPerPixel) {
    throw new SegParseError(path, `has ${segments} RLE segments; ${bytesPerPixel * 8}-bit single-sample pixels need ${bytesPerPixel} (PS3.5 G.2)`);
  }
  for (let s = 0; s < segments; s++) {
    const start = u32(frame, 4 + 4 * s);
    const end = s + 1 < segments ? u32(frame, 8 + 4 * s) : frame.length;
    if (start < 64 || start > end || end > frame.length) {
      throw new SegParseError(path, `RLE segment ${s + 1} spans bytes ${start}…${end} of a ${frame.length}-byte frame (PS3.5 G.5)`);
    }
    // Segment 1 holds the most significant byte; native little endian puts it last.
    const decoded = unpackBits(frame, start, end, out, bytesPerPixel - 1 - s, bytesPerPixel, pixels);
    if (decoded < pixels) throw new SegParseError(path, `RLE segment ${s + 1} decodes to ${decoded} bytes; the frame has ${pixels} pixels`);
  }
}

/** PackBits (PS3.5 G.3.2) from `source[start…end)` into every `stride`-th byte of `out` from `first`; returns bytes decoded (≤ count). */
function unpackBits(source: Uint8Array, start: number, end: number, out: Uint8Array, first: number, stride: number, count: number): number {
  let p = start;
  let o = 0;
  while (o < count && p < end) {
    const n = source[p++];
    if (n < 128) {
      // n+1 literal bytes; a run cut short by the end of the segment copies what is there.
      const run = Math.min(n + 1, end - p, count - o);
      for (let r = 0; r < run; r++) out[first + (o + r) * stride] = source[p + r];
      p += n + 1;
      o += run;
    } else if (n > 128) {
      if (p >= end) break;
      const value = source[p++];
      const run = Math.min(257 - n, count - o);
      for (let r = 0; r < run; r++) out[first + (o + r) * stride] = value;
      o += run;
    }
  }
  return o;
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}
