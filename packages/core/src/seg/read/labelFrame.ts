/**
 * A LABELMAP frame (PS3.3 C.8.20.2, Supplement 243) into one BitMask per segment: each pixel's
 * value is the number of the segment it belongs to. 8- or 16-bit unsigned, little endian.
 */

const { floor } = Math;

/** `maskOfValue[v]`: index into `masks` of segment v, BACKGROUND, or UNDECLARED. */
export const BACKGROUND = -1;
export const UNDECLARED = -2;

/**
 * Sets, for each pixel p of the frame at `frame[start…]`, bit `targetBit + p` of the mask of its
 * value. Returns -1, or the index of the first pixel whose value no segment declares (nothing is
 * written from that pixel on).
 */
export function labelFrameIntoMasks(
  frame: Uint8Array, start: number, pixels: number, bytesPerPixel: 1 | 2, maskOfValue: Int32Array, masks: readonly Uint32Array[], targetBit: number,
): number {
  let word = floor(targetBit / 32);
  let shift = targetBit - word * 32;
  for (let p = 0; p < pixels; p++) {
    const value = bytesPerPixel === 1 ? frame[start + p] : frame[start + 2 * p] | (frame[start + 2 * p + 1] << 8);
    const mask = maskOfValue[value];
    if (mask >= 0) masks[mask][word] |= 1 << shift;
    else if (mask === UNDECLARED) return p;
    if (++shift === 32) {
      shift = 0;
      word++;
    }
  }
  return -1;
}
