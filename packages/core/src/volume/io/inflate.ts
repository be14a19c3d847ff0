/**
 * DEFLATE decoding (RFC 1951) into a caller-sized buffer. The caller knows how many bytes to expect
 * (a volume's header says so), so the output is allocated once, exactly, and a stream that would
 * write more is rejected instead of growing memory: a few corrupt bytes can't become a huge
 * allocation.
 */
import { CompressedDataError } from './CompressedDataError';

// RFC 1951 §3.2.5: base values and extra bits of length symbols 257..285 and distance symbols 0..29.
const LENGTH_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
const LENGTH_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
const DIST_BASE = Uint16Array.of(
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
);
const DIST_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
// §3.2.7: the order in which code length code lengths are sent.
const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);
const MAX_BITS = 15;

/**
 * Builds a one-step decoding table for a canonical Huffman code (§3.2.2). Deflate sends codes most
 * significant bit first inside an LSB-first bit stream, so entry `reverse(code)` (and every index
 * that ends in it) holds `symbol << 4 | length`; 0 marks a bit pattern no code starts with.
 * Returns the table's index width in bits.
 */
function buildTable(lengths: Uint8Array, table: Uint16Array, field: string, offset: number): number {
  const count = new Uint16Array(MAX_BITS + 1);
  let bits = 0;
  for (let s = 0; s < lengths.length; s++) {
    count[lengths[s]]++;
    if (lengths[s] > bits) bits = lengths[s];
  }
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - count[len];
    if (left < 0) throw new CompressedDataError(field, 'over-subscribed Huffman code lengths', offset);
  }
  if (bits === 0) bits = 1; // no codes at all (a block of literals only): every pattern is invalid
  const size = 1 << bits;
  table.fill(0, 0, size);
  const next = new Uint16Array(MAX_BITS + 2);
  for (let len = 1, code = 0; len <= MAX_BITS; len++) {
    code = (code + count[len - 1]) << 1;
    next[len] = code;
  }
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s];
    if (len === 0) continue;
    const code = next[len]++;
    let reversed = 0;
    for (let b = 0; b < len; b++) reversed |= ((code >>> b) & 1) << (len - 1 - b);
    const entry = (s << 4) | len;
    for (let i = reversed; i < size; i += 1 << len) table[i] = entry;
  }
  return bits;
}

// §3.2.6: the fixed Huffman codes of BTYPE 01.
const FIXED_LIT = new Uint16Array(1 << 9);
const FIXED_DIST = new Uint16Array(1 << 5);
const FIXED_LIT_BITS = buildTable(
  Uint8Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)),
  FIXED_LIT,
  'deflate.fixed',
  0,
);
const FIXED_DIST_BITS = buildTable(new Uint8Array(30).fill(5), FIXED_DIST, 'deflate.fixed', 0);

export interface InflateResult {
  /** Offset of the first input byte after the stream (where a gzip trailer starts). */
  inputEnd: number;
  /** Offset after the last output byte written. */
  outputEnd: number;
  /** False when decoding stopped because the output was full (only with `stopWhenFull`). */
  complete: boolean;
}

/**
 * Decodes the raw DEFLATE stream starting at `input[inputStart]` into `output` from `outputStart`.
 * Back-references may reach back to `outputStart`, no further. A stream that ends early gives a
 * `CompressedDataError` ("truncated"); one that would write past `output.length` gives one too,
 * unless `stopWhenFull`, which returns what fits (to read just a header).
 */
export function inflateInto(input: Uint8Array, inputStart: number, output: Uint8Array, outputStart: number, stopWhenFull = false): InflateResult {
  const end = input.length;
  const capacity = output.length;
  const litTable = new Uint16Array(1 << MAX_BITS);
  const distTable = new Uint16Array(1 << MAX_BITS);
  const codeLengthTable = new Uint16Array(1 << 7);
  const lengths = new Uint8Array(286 + 30);
  const codeLengthLengths = new Uint8Array(19);
  let pos = inputStart;
  let bitBuf = 0;
  let bitCnt = 0;
  let out = outputStart;
  let final = 0;

  // Bytes past the end read as 0; `overrun` tells whether any of them were actually consumed.
  const overrun = (): boolean => pos > end && (pos - end) * 8 > bitCnt;
  const truncated = (): CompressedDataError => new CompressedDataError('deflate', 'the compressed data is truncated', end);
  const tooLong = (): CompressedDataError =>
    new CompressedDataError('deflate', `the decompressed data is longer than the ${capacity - outputStart} bytes expected`, pos);
  const need = (n: number): void => {
    while (bitCnt < n) {
      bitBuf |= (pos < end ? input[pos] : 0) << bitCnt;
      pos++;
      bitCnt += 8;
    }
    if (overrun()) throw truncated();
  };
  const take = (n: number): number => {
    need(n);
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };

  do {
    const blockOffset = pos;
    final = take(1);
    const type = take(2);
    if (type === 3) throw new CompressedDataError('deflate.BTYPE', 'reserved block type 11', blockOffset);
    if (type === 0) {
      // §3.2.4: skip to the byte boundary; the bits still buffered are whole unread bytes.
      bitBuf = 0;
      pos -= bitCnt >>> 3;
      bitCnt = 0;
      if (pos + 4 > end) throw truncated();
      const len = input[pos] | (input[pos + 1] << 8);
      const nlen = input[pos + 2] | (input[pos + 3] << 8);
      if (len !== (~nlen & 0xffff)) throw new CompressedDataError('deflate.NLEN', `stored block length ${len} does not match its complement`, pos);
      pos += 4;
      if (pos + len > end) throw truncated();
      let n = len;
      if (out + n > capacity) {
        if (!stopWhenFull) throw tooLong();
        n = capacity - out;
      }
      output.set(input.subarray(pos, pos + n), out);
      out += n;
      pos += n;
      if (n < len) return { inputEnd: pos, outputEnd: out, complete: false };
      continue;
    }

    let lit = FIXED_LIT;
    let dist = FIXED_DIST;
    let litMask = (1 << FIXED_LIT_BITS) - 1;
    let distMask = (1 << FIXED_DIST_BITS) - 1;
    if (type === 2) {
      // §3.2.7: the code lengths of this block, themselves Huffman coded.
      const hlit = take(5) + 257;
      const hdist = take(5) + 1;
      const hclen = take(4) + 4;
      if (hlit > 286 || hdist > 30) throw new CompressedDataError('deflate.HLIT', `too many length (${hlit}) or distance (${hdist}) codes`, blockOffset);
      codeLengthLengths.fill(0);
      for (let i = 0; i < hclen; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]] = take(3);
      const clMask = (1 << buildTable(codeLengthLengths, codeLengthTable, 'deflate.HCLEN', blockOffset)) - 1;
      const total = hlit + hdist;
      for (let i = 0; i < total; ) {
        need(7);
        const entry = codeLengthTable[bitBuf & clMask];
        const len = entry & 15;
        if (len === 0) throw new CompressedDataError('deflate.codeLengths', 'invalid code length code', pos);
        bitBuf >>>= len;
        bitCnt -= len;
        const sym = entry >>> 4;
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let repeat: number;
        let value = 0;
        if (sym === 16) {
          if (i === 0) throw new CompressedDataError('deflate.codeLengths', 'repeat of a previous length with none before it', pos);
          value = lengths[i - 1];
          repeat = 3 + take(2);
        } else repeat = sym === 17 ? 3 + take(3) : 11 + take(7);
        if (i + repeat > total) throw new CompressedDataError('deflate.codeLengths', 'code lengths run past HLIT + HDIST', pos);
        lengths.fill(value, i, i + repeat);
        i += repeat;
      }
      if (lengths[256] === 0) throw new CompressedDataError('deflate.codeLengths', 'no code for end-of-block', pos);
      litMask = (1 << buildTable(lengths.subarray(0, hlit), litTable, 'deflate.literalLengths', blockOffset)) - 1;
      distMask = (1 << buildTable(lengths.subarray(hlit, total), distTable, 'deflate.distances', blockOffset)) - 1;
      lit = litTable;
      dist = distTable;
    }

    // §3.2.5: literal/length symbols, each length followed by a distance.
    for (;;) {
      if (bitCnt <= 24) {
        // Inline refill (the hot path): fill the 32-bit buffer to at least 25 bits.
        while (bitCnt <= 24) {
          bitBuf |= (pos < end ? input[pos] : 0) << bitCnt;
          pos++;
          bitCnt += 8;
        }
      }
      let entry = lit[bitBuf & litMask];
      let len = entry & 15;
      if (len === 0) throw overrun() ? truncated() : new CompressedDataError('deflate', 'invalid literal/length code', pos);
      bitBuf >>>= len;
      bitCnt -= len;
      if (pos > end && overrun()) throw truncated();
      const sym = entry >>> 4;
      if (sym < 256) {
        if (out >= capacity) {
          if (!stopWhenFull) throw tooLong();
          return { inputEnd: pos - (bitCnt >>> 3), outputEnd: out, complete: false };
        }
        output[out++] = sym;
        continue;
      }
      if (sym === 256) break;
      const li = sym - 257;
      if (li >= 29) throw new CompressedDataError('deflate', `invalid length symbol ${sym}`, pos);
      let length = LENGTH_BASE[li];
      const lengthBits = LENGTH_EXTRA[li];
      if (lengthBits !== 0) {
        length += bitBuf & ((1 << lengthBits) - 1);
        bitBuf >>>= lengthBits;
        bitCnt -= lengthBits;
      }
      need(MAX_BITS);
      entry = dist[bitBuf & distMask];
      len = entry & 15;
      if (len === 0) throw overrun() ? truncated() : new CompressedDataError('deflate', 'invalid distance code', pos);
      bitBuf >>>= len;
      bitCnt -= len;
      const di = entry >>> 4;
      if (di >= 30) throw new CompressedDataError('deflate', `invalid distance symbol ${di}`, pos);
      let distance = DIST_BASE[di];
      const distBits = DIST_EXTRA[di];
      if (distBits !== 0) distance += take(distBits);
      if (pos > end && overrun()) throw truncated();
      if (distance > out - outputStart) throw new CompressedDataError('deflate', `distance ${distance} reaches before the start of the data`, pos);
      if (out + length > capacity) {
        if (!stopWhenFull) throw tooLong();
        length = capacity - out;
        for (let from = out - distance, stop = out + length; out < stop; ) output[out++] = output[from++];
        return { inputEnd: pos - (bitCnt >>> 3), outputEnd: out, complete: false };
      }
      if (distance >= length && length > 32) output.copyWithin(out, out - distance, out - distance + length);
      else if (distance === 1) output.fill(output[out - 1], out, out + length); // a run of one byte (background)
      else {
        // Byte by byte: an overlapping copy (distance < length) repeats the run, as RFC 1951 intends.
        for (let from = out - distance, stop = out + length; out < stop; ) output[out++] = output[from++];
        continue;
      }
      out += length;
    }
  } while (!final);
  return { inputEnd: pos - (bitCnt >>> 3), outputEnd: out, complete: true };
}
