/** CRC-32 (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320), as gzip's trailer uses it (RFC 1952 §8). */

// Slicing-by-8 tables: eight bytes per step.
const TABLES = buildTables();

function buildTables(): Int32Array {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let s = 1; s < 8; s++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[s * 256 + n] = c;
    }
  }
  return t;
}

// A run of zero bytes changes the register linearly (a zero byte maps c to t[c & 0xff] ^ c >>> 8,
// and t is linear): the change over a whole block of them is one 32 × 32 bit matrix, applied as
// four table look-ups, one per byte of the register. Label volumes are mostly background.
const ZERO_BLOCK_BYTES = 64;
const ZERO_BLOCK = zeroBlockTables();

function zeroBlockTables(): Int32Array {
  const t = TABLES;
  const basis = Array.from({ length: 32 }, (_, bit) => {
    let c = 1 << bit;
    for (let n = 0; n < ZERO_BLOCK_BYTES; n++) c = t[c & 0xff] ^ (c >>> 8);
    return c;
  });
  const z = new Int32Array(256 * 4);
  for (let b = 0; b < 4; b++)
    for (let value = 0; value < 256; value++) {
      let c = 0;
      for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) c ^= basis[8 * b + bit];
      z[256 * b + value] = c;
    }
  return z;
}

/** CRC-32 of `bytes[start, end)`, continuing from `crc` (0 for a new checksum); unsigned. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  const t = TABLES;
  const z = ZERO_BLOCK;
  let c = ~crc;
  let i = start;
  // Up to a 4-byte boundary, so that blocks can be tested for zero a word at a time.
  for (; i < end && (bytes.byteOffset + i) % 4 !== 0; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  const words = i < end ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, (end - i) >>> 2) : new Uint32Array(0);
  const wordsStart = i;
  for (const stopBlock = end - ZERO_BLOCK_BYTES + 1; i < stopBlock; ) {
    const w = (i - wordsStart) >>> 2;
    let any = 0;
    for (let k = 0; k < ZERO_BLOCK_BYTES / 4; k++) any |= words[w + k];
    if (any === 0) {
      c = z[c & 0xff] ^ z[256 + ((c >>> 8) & 0xff)] ^ z[512 + ((c >>> 16) & 0xff)] ^ z[768 + (c >>> 24)];
      i += ZERO_BLOCK_BYTES;
      continue;
    }
    for (const stop = i + ZERO_BLOCK_BYTES; i < stop; i += 8) {
      c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
      const high = bytes[i + 4] | (bytes[i + 5] << 8) | (bytes[i + 6] << 16) | (bytes[i + 7] << 24);
      c =
        t[1792 + (c & 0xff)] ^ t[1536 + ((c >>> 8) & 0xff)] ^ t[1280 + ((c >>> 16) & 0xff)] ^ t[1024 + (c >>> 24)] ^
        t[768 + (high & 0xff)] ^ t[512 + ((high >>> 8) & 0xff)] ^ t[256 + ((high >>> 16) & 0xff)] ^ t[high >>> 24];
    }
  }
  for (; i < end; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
