// The BINARY decode copies 32 pixels per step between bit streams of any alignment; a shift off
// by one bit moves a segmentation by a pixel. Checked against the obvious bit-by-bit copy for
// every alignment of source and target and lengths across word boundaries.
import { orBits } from './orBits';

function naive(source: Uint8Array, sourceBit: number, target: Uint32Array, targetBit: number, count: number): void {
  for (let n = 0; n < count; n++) {
    const s = sourceBit + n;
    if ((source[s >> 3] >> (s & 7)) & 1) target[(targetBit + n) >>> 5] |= 1 << ((targetBit + n) & 31);
  }
}

describe('orBits', () => {
  let seed = 1;
  const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const source = Uint8Array.from({ length: 64 }, () => Math.floor(random() * 256));

  it('equals a bit-by-bit copy for every alignment and length up to 3 words', () => {
    const differing: string[] = [];
    let compared = 0;
    for (let sourceBit = 0; sourceBit < 40; sourceBit++) {
      for (const targetBit of [0, 1, 7, 8, 31, 32, 33, 63]) {
        for (const count of [0, 1, 5, 31, 32, 33, 64, 65, 96]) {
          const expected = Uint32Array.from({ length: 8 }, (_, w) => (w === 2 ? 0x00ff00ff : 0));
          const actual = expected.slice();
          naive(source, sourceBit, expected, targetBit, count);
          orBits(source, sourceBit, actual, targetBit, count);
          compared++;
          if (!actual.every((w, i) => w === expected[i])) differing.push(`sourceBit ${sourceBit}, targetBit ${targetBit}, count ${count}`);
        }
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBe(40 * 8 * 9);
  });

  it('reads the last bits of the stream without reading past it', () => {
    const tail = Uint8Array.from([0xff, 0x0f, 0xa5]);
    for (let start = 0; start < 24; start++) {
      const expected = new Uint32Array(2);
      const actual = new Uint32Array(2);
      naive(tail, start, expected, 3, 24 - start);
      orBits(tail, start, actual, 3, 24 - start);
      expect([start, ...actual]).toEqual([start, ...expected]);
    }
  });

  it('ORs: bits already set in the target stay set', () => {
    const target = Uint32Array.from([0x80000001]);
    orBits(Uint8Array.from([0b0110]), 0, target, 0, 8);
    expect(target[0]).toBe(0x80000007);
  });
});
