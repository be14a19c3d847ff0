/**
 * 1-bit packing of BINARY Segmentation frames (PS3.5 §8.1.1, PS3.3 C.8.20.2): pixels in frame
 * order, row by row; bit i of the stream is bit (i mod 8) of byte ⌊i/8⌋ (least significant bit
 * first); frames follow each other without padding, so a frame may start mid-byte. The value is
 * padded with zero bits to an even number of bytes.
 */
import { SegValueError } from './SegValueError';

/** Packs frames of `pixelsPerFrame` pixels each (non-zero = foreground). */
export function packBinaryFrames(frames: readonly ArrayLike<number>[], pixelsPerFrame: number): Uint8Array {
  const totalBits = frames.length * pixelsPerFrame;
  const byteLength = Math.ceil(totalBits / 8);
  const packed = new Uint8Array(byteLength + (byteLength % 2));
  let bit = 0;
  frames.forEach((frame, f) => {
    if (frame.length !== pixelsPerFrame) throw new SegValueError(`frames[${f}]`, `has ${frame.length} pixels, expected ${pixelsPerFrame}`);
  });
  for (const frame of frames) {
    for (let i = 0; i < pixelsPerFrame; i++, bit++) {
      if (frame[i] !== 0) packed[bit >>> 3] |= 1 << (bit & 7);
    }
  }
  return packed;
}
