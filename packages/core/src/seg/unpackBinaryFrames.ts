/** Decoding of 1-bit BINARY Segmentation pixel data into one 0/1 byte per pixel, per frame. */
import { SegValueError } from './SegValueError';

/** Splits `pixelData` (packed as in packBinaryFrames) into `numberOfFrames` frames of rows×columns. */
export function unpackBinaryFrames(pixelData: Uint8Array, rows: number, columns: number, numberOfFrames: number): Uint8Array[] {
  const pixelsPerFrame = rows * columns;
  const neededBytes = Math.ceil((pixelsPerFrame * numberOfFrames) / 8);
  if (pixelData.length < neededBytes) {
    throw new SegValueError('PixelData', `has ${pixelData.length} bytes; ${numberOfFrames} frames of ${rows}×${columns} 1-bit pixels need ${neededBytes}`);
  }
  const frames: Uint8Array[] = [];
  let bit = 0;
  for (let f = 0; f < numberOfFrames; f++) {
    const frame = new Uint8Array(pixelsPerFrame);
    for (let i = 0; i < pixelsPerFrame; i++, bit++) frame[i] = (pixelData[bit >>> 3] >>> (bit & 7)) & 1;
    frames.push(frame);
  }
  return frames;
}
