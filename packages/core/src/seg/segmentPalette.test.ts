// Segments without a colour of their own still need distinct ones: 50 lesions in one SEG must not
// share a colour, and the colour of segment n must not change between runs.
import { defaultSegmentColor } from './segmentPalette';

describe('defaultSegmentColor', () => {
  it('gives 50 distinct sRGB colours of three integers 0..255', () => {
    const colours = Array.from({ length: 50 }, (_, n) => defaultSegmentColor(n + 1));
    for (const colour of colours) expect(colour.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)).toBe(true);
    expect(new Set(colours.map((c) => c.join(','))).size).toBe(50);
  });

  it('starts at a red hue and is a pure function of the number', () => {
    expect(defaultSegmentColor(1)).toEqual([235, 82, 82]);
    expect(defaultSegmentColor(7)).toEqual(defaultSegmentColor(7));
  });

  it('refuses segment number 0', () => {
    expect(() => defaultSegmentColor(0)).toThrow(RangeError);
  });
});
