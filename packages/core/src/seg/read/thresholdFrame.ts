/**
 * A FRACTIONAL frame (8-bit values from 0 to MaximumFractionalValue, PS3.3 C.8.20.2.3) into a
 * BitMask: a pixel is foreground when its value reaches the threshold.
 */

const { floor } = Math;

/** Sets bit `targetBit + p` of `target` for each pixel p of `frame[start…start+pixels)` with value ≥ `threshold`. */
export function thresholdFrameIntoMask(frame: Uint8Array, start: number, pixels: number, threshold: number, target: Uint32Array, targetBit: number): void {
  let word = floor(targetBit / 32);
  let shift = targetBit - word * 32;
  const end = start + pixels;
  for (let p = start; p < end; p++) {
    if (frame[p] >= threshold) target[word] |= 1 << shift;
    if (++shift === 32) {
      shift = 0;
      word++;
    }
  }
}
