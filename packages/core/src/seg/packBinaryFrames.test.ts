// BINARY SEG pixels are 1 bit each, LSB first, with frames packed back to back (PS3.5 8.1.1):
// a frame of 15 pixels ends mid-byte and the next frame starts in the same byte. Readers that
// assume byte-aligned frames misplace every frame after the first; these tests pin the layout.
import { packBinaryFrames } from './packBinaryFrames';
import { unpackBinaryFrames } from './unpackBinaryFrames';
import { SegValueError } from './SegValueError';

describe('packBinaryFrames', () => {
  it('puts pixel i of the stream in bit i mod 8 of byte i / 8 (least significant bit first)', () => {
    expect(Array.from(packBinaryFrames([[1, 0, 0, 0, 0, 0, 0, 1, 0, 1]], 10))).toEqual([0b1000_0001, 0b0000_0010]);
  });

  it('packs frames across byte boundaries without padding between them', () => {
    const a = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]; // 15 pixels: bits 0-2 and 14
    const b = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]; // bits 15 and 29
    expect(Array.from(packBinaryFrames([a, b], 15))).toEqual([0b0000_0111, 0b1100_0000, 0b0000_0000, 0b0010_0000]);
  });

  it('pads the value to an even number of bytes', () => {
    expect(packBinaryFrames([[1, 1, 1]], 3).length).toBe(2);
    expect(packBinaryFrames([new Array(16).fill(1), new Array(16).fill(1)], 16).length).toBe(4);
    expect(packBinaryFrames([new Array(9).fill(0), new Array(9).fill(0)], 9).length).toBe(4); // 18 bits -> 3 bytes -> 4
  });

  it('rejects a frame of the wrong size, naming it', () => {
    expect(() => packBinaryFrames([[1, 0], [1]], 2)).toThrow(SegValueError);
    expect(() => packBinaryFrames([[1, 0], [1]], 2)).toThrow('frames[1]: has 1 pixels, expected 2');
  });
});

describe('unpackBinaryFrames', () => {
  it('inverts packBinaryFrames for frame sizes that are not multiples of 8', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < 0.3 ? 1 : 0);
    for (const [rows, columns, count] of [[3, 5, 4], [7, 7, 3], [16, 16, 2], [1, 1, 9]]) {
      const frames = Array.from({ length: count }, () => Uint8Array.from({ length: rows * columns }, random));
      expect(unpackBinaryFrames(packBinaryFrames(frames, rows * columns), rows, columns, count)).toEqual(frames);
    }
  });

  it('rejects pixel data too short for the frames it should hold', () => {
    expect(() => unpackBinaryFrames(new Uint8Array(3), 5, 5, 1)).toThrow('PixelData: has 3 bytes; 1 frames of 5×5 1-bit pixels need 4');
  });
});
