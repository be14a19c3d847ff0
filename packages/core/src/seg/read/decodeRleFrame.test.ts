// RLE Lossless is how LABELMAP SEGs are often compressed; a decoder that is off by one run shifts
// every later label. Checked on the published PackBits example (Apple Technical Note TN1023, the
// scheme PS3.5 G.3.1 adopts), on 16-bit samples and on every malformation of the header.
import { decodeRleFrame } from './decodeRleFrame';
import { encodeRleFrame } from './segVariants.fixture';

function frame(segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((segment, s) => {
    view.setUint32(4 + 4 * s, offset, true);
    offset += segment.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

const hex = (text: string): number[] => text.split(' ').map((h) => parseInt(h, 16));

describe('decodeRleFrame', () => {
  it('decodes the PackBits example of Apple TN1023', () => {
    const packed = hex('FE AA 02 80 00 2A FD AA 03 80 00 2A 22 F7 AA');
    const out = new Uint8Array(24);
    decodeRleFrame(frame([packed]), 24, 1, out, 'frame');
    expect(Array.from(out)).toEqual(hex('AA AA AA 80 00 2A AA AA AA AA 80 00 2A 22 AA AA AA AA AA AA AA AA AA AA'));
  });

  it('puts segment 1 (most significant bytes) after segment 2 in little-endian samples (PS3.5 G.2)', () => {
    const out = new Uint8Array(6);
    // Samples 0x0102, 0x0103, 0x0104: MSB segment is a run of three 01s; LSB segment literal 02 03 04 then a no-op (0x80).
    decodeRleFrame(frame([[0xfe, 0x01], [0x02, 0x02, 0x03, 0x04, 0x80]]), 3, 2, out, 'frame');
    expect(Array.from(new Uint16Array(out.buffer))).toEqual([0x0102, 0x0103, 0x0104]);
  });

  it('round-trips random 8- and 16-bit frames through the test encoder', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const bytesPerPixel of [1, 2] as const) {
      const data = Uint8Array.from({ length: 999 * bytesPerPixel }, () => (next() < 0.7 ? 0 : Math.floor(next() * 4)));
      const out = new Uint8Array(data.length);
      decodeRleFrame(encodeRleFrame(data, bytesPerPixel), 999, bytesPerPixel, out, 'frame');
      expect(out).toEqual(data);
    }
  });

  it.each([
    ['a frame shorter than its header', new Uint8Array(10), 4, 1, /64-byte header; this one has 10 bytes/],
    ['two segments for 8-bit pixels', frame([[0], [0]]), 1, 1, /has 2 RLE segments; 8-bit single-sample pixels need 1/],
    ['a segment offset past the end', (() => { const f = frame([[0xfd, 1]]); f[4] = 200; return f; })(), 4, 1, /RLE segment 1 spans bytes 200…66 of a 66-byte frame/],
    ['a segment that decodes short', frame([[0xfd, 1]]), 5, 1, /RLE segment 1 decodes to 4 bytes; the frame has 5 pixels/],
    ['a literal run cut off by the end', frame([[0x05, 1, 2]]), 6, 1, /decodes to 2 bytes/],
  ] as const)('refuses %s', (_, data, pixels, bytesPerPixel, message) => {
    expect(() => decodeRleFrame(data, pixels, bytesPerPixel, new Uint8Array(pixels * bytesPerPixel), 'PixelData.frame[3]')).toThrow(message);
  });
});
