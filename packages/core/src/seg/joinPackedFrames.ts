/**
 * Pixel Data of a BINARY SEG from frames already packed 1 bit per pixel (framesFromMasks): the
 * frames follow each other without padding (PS3.5 8.1.1), so when a frame's pixel count is not a
 * multiple of 8 the next one starts mid-byte and its bytes are shifted into place. Padded with zero
 * bits to an even number of bytes, as packBinaryFrames pads.
 */
export function joinPackedFrames(frames: readonly Uint8Array[], pixelsPerFrame: number): Uint8Array {
  const byteLength = Math.ceil((frames.length * pixelsPerFrame) / 8);
  const packed = new Uint8Array(byteLength + (byteLength % 2));
  const frameBytes = Math.ceil(pixelsPerFrame / 8);
  let bit = 0;
  for (const frame of frames) {
    const start = bit >>> 3;
    const shift = bit & 7;
    if (shift === 0) packed.set(frame.subarray(0, frameBytes), start);
    else {
      for (let n = 0; n < frameBytes; n++) {
        const byte = frame[n];
        if (byte === 0) continue;
        packed[start + n] |= (byte << shift) & 0xff;
        if (start + n + 1 < packed.length) packed[start + n + 1] |= byte >>> (8 - shift);
      }
    }
    bit += pixelsPerFrame;
  }
  return packed;
}
