// buildBinarySeg packs each frame as framesFromMasks finds it and joins them here (issue 16): the
// Pixel Data must be exactly what packing the whole pixel arrays gives, frames starting mid-byte.
import { joinPackedFrames } from './joinPackedFrames';
import { packBinaryFrames } from './packBinaryFrames';

/** A frame's pixels packed on their own, LSB first, as framesFromMasks packs them. */
function packed(pixels: number[]): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(pixels.length / 8));
  pixels.forEach((p, i) => (bytes[i >>> 3] |= p << (i & 7)));
  return bytes;
}

test('known bits: two 5-pixel frames share a byte; the length is padded to even', () => {
  expect(Array.from(joinPackedFrames([packed([1, 0, 0, 0, 1]), packed([1, 1, 0, 0, 0])], 5))).toEqual([0b0111_0001, 0b0000_0000]);
});

test.each([1, 5, 7, 8, 9, 20, 64, 99])('frames of %i pixels: the same bytes as packBinaryFrames', (pixelsPerFrame) => {
  let seed = pixelsPerFrame;
  const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const frames = Array.from({ length: 7 }, () => Array.from({ length: pixelsPerFrame }, () => (random() < 0.4 ? 1 : 0)));
  expect(Array.from(joinPackedFrames(frames.map(packed), pixelsPerFrame))).toEqual(Array.from(packBinaryFrames(frames, pixelsPerFrame)));
});
