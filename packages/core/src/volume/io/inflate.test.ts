// The DEFLATE decoder is checked against zlib (node:zlib, the reference implementation) on every
// block type it can produce: stored (level 0), fixed Huffman (Z_FIXED) and dynamic Huffman, on
// data that exercises literals, long runs (overlapping copies) and far back-references.
import { constants, deflateRawSync } from 'node:zlib';
import { CompressedDataError } from './CompressedDataError';
import { inflateInto } from './inflate';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sampleData(length: number, seed: number): Uint8Array {
  const random = seeded(seed);
  const data = new Uint8Array(length);
  // Runs of a label value (like a label volume), random noise, and repeats from far back.
  for (let i = 0; i < length; ) {
    const kind = random();
    const n = Math.min(length - i, 1 + Math.floor(random() * 2000));
    if (kind < 0.4) data.fill(Math.floor(random() * 4), i, i + n);
    else if (kind < 0.7) for (let k = 0; k < n; k++) data[i + k] = Math.floor(random() * 256);
    else if (i > 40000) data.copyWithin(i, i - 32768 + Math.floor(random() * 100), i - 32768 + Math.floor(random() * 100) + n);
    i += n;
  }
  return data;
}

function inflateAll(compressed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const result = inflateInto(compressed, 0, out, 0);
  expect(result).toEqual({ inputEnd: compressed.length, outputEnd: length, complete: true });
  return out;
}

describe('inflateInto', () => {
  const data = sampleData(300_000, 7);

  test.each([
    ['stored blocks (level 0)', { level: 0 }],
    ['fixed Huffman blocks', { level: 6, strategy: constants.Z_FIXED }],
    ['dynamic Huffman blocks, fast', { level: 1 }],
    ['dynamic Huffman blocks, best', { level: 9 }],
    ['run-length only', { level: 6, strategy: constants.Z_RLE }],
    ['Huffman only (no matches)', { level: 6, strategy: constants.Z_HUFFMAN_ONLY }],
  ])('decodes %s exactly as zlib wrote them', (_, options) => {
    const compressed = new Uint8Array(deflateRawSync(data, options));
    expect(Buffer.from(inflateAll(compressed, data.length)).equals(Buffer.from(data))).toBe(true);
  });

  test('decodes the empty stream and a single repeated byte (an all-background volume)', () => {
    expect(inflateAll(new Uint8Array(deflateRawSync(new Uint8Array(0))), 0)).toEqual(new Uint8Array(0));
    const zeros = new Uint8Array(1 << 20);
    const compressed = new Uint8Array(deflateRawSync(zeros, { level: 9 }));
    expect(compressed.length).toBeLessThan(2000);
    expect(inflateAll(compressed, zeros.length).every((b) => b === 0)).toBe(true);
  });

  test('reports where the stream ends, so a gzip trailer can follow', () => {
    const compressed = new Uint8Array(deflateRawSync(data.subarray(0, 5000)));
    const padded = new Uint8Array(compressed.length + 8).fill(0xaa);
    padded.set(compressed);
    const result = inflateInto(padded, 0, new Uint8Array(5000), 0);
    expect(result.inputEnd).toBe(compressed.length);
  });

  test('stopWhenFull returns the prefix without decoding further', () => {
    const compressed = new Uint8Array(deflateRawSync(data, { level: 6 }));
    const out = new Uint8Array(600);
    const result = inflateInto(compressed, 0, out, 0, true);
    expect(result.complete).toBe(false);
    expect(result.outputEnd).toBe(600);
    expect(out).toEqual(data.subarray(0, 600));
  });

  test('data longer than the expected size is an error, not a bigger buffer', () => {
    const compressed = new Uint8Array(deflateRawSync(data.subarray(0, 1000)));
    expect(() => inflateInto(compressed, 0, new Uint8Array(999), 0)).toThrow(/longer than the 999 bytes expected/);
  });

  test('every truncation of a stream is a typed error', () => {
    const compressed = new Uint8Array(deflateRawSync(data.subarray(0, 20000), { level: 6 }));
    for (let cut = 0; cut < compressed.length; cut += 97) {
      const error = catchError(() => inflateInto(compressed.subarray(0, cut), 0, new Uint8Array(20000), 0));
      expect(error).toBeInstanceOf(CompressedDataError);
    }
  });

  test('malformed blocks name what is wrong', () => {
    // BFINAL=1, BTYPE=11 (reserved).
    expect(catchError(() => inflateInto(Uint8Array.of(0b111), 0, new Uint8Array(10), 0))).toMatchObject({ field: 'deflate.BTYPE' });
    // Stored block whose NLEN is not the complement of LEN.
    expect(catchError(() => inflateInto(Uint8Array.of(1, 5, 0, 0, 0, 1, 2, 3, 4, 5), 0, new Uint8Array(10), 0))).toMatchObject({ field: 'deflate.NLEN' });
    // Fixed block with a distance (1) before any output: distance code 0 after length symbol 257.
    // Bits LSB-first: BFINAL 1, BTYPE 01, symbol 257 = 0000001 (7 bits), distance 00000 (5 bits).
    const farBack = Uint8Array.of(0b00000011, 0b00000010, 0);
    expect(catchError(() => inflateInto(farBack, 0, new Uint8Array(10), 0))).toMatchObject({ field: 'deflate', reason: expect.stringMatching(/reaches before the start/) });
  });

  test('seeded garbage never escapes as anything but a CompressedDataError', () => {
    const random = seeded(42);
    const valid = new Uint8Array(deflateRawSync(data.subarray(0, 8000), { level: 6 }));
    for (let n = 0; n < 500; n++) {
      const mutant = valid.slice();
      for (let f = 0; f < 1 + Math.floor(random() * 4); f++) mutant[Math.floor(random() * mutant.length)] ^= 1 << Math.floor(random() * 8);
      const error = catchError(() => inflateInto(mutant, 0, new Uint8Array(8000), 0));
      if (error !== undefined) expect(error).toBeInstanceOf(CompressedDataError);
    }
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
