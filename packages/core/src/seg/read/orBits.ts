/**
 * Copies (ORs) a run of bits from a packed 1-bit stream into a BitMask's words. Both are least
 * significant bit first — the DICOM BINARY packing (PS3.5 8.1.1) and the BitMask layout — so 32
 * pixels move per step, whatever the bit alignment of source and destination: a BINARY frame
 * starts wherever the previous one ended, mid-byte when rows×columns is not a multiple of 8.
 */

const { floor } = Math;

/**
 * ORs `count` bits of `source`, starting at bit `sourceBit`, into `target` starting at bit
 * `targetBit`. The caller checks that the source holds those bits and the target has room.
 */
export function orBits(source: Uint8Array, sourceBit: number, target: Uint32Array, targetBit: number, count: number): void {
  const length = source.length;
  let byte = floor(sourceBit / 8);
  let offset = sourceBit - byte * 8;
  let word = floor(targetBit / 32);
  let shift = targetBit - word * 32;
  let remaining = count;
  while (remaining > 0) {
    const take = remaining < 32 - shift ? remaining : 32 - shift;
    let bits: number;
    if (byte + 4 < length) {
      bits = (source[byte] | (source[byte + 1] << 8) | (source[byte + 2] << 16) | (source[byte + 3] << 24)) >>> offset;
      // `x << 32` is `x << 0` in JavaScript: the fifth byte only contributes when offset > 0.
      if (offset !== 0) bits |= source[byte + 4] << (32 - offset);
    } else {
      // The last bytes of the stream: gather what exists (the caller guarantees the bits taken do).
      let low = 0;
      for (let b = 0; b < 4 && byte + b < length; b++) low += source[byte + b] * 2 ** (8 * b);
      bits = floor(low / 2 ** offset) | 0;
    }
    if (take < 32) bits &= (1 << take) - 1;
    if (bits !== 0) target[word] |= bits << shift;
    remaining -= take;
    word += 1;
    shift = 0;
    offset += take;
    byte += offset >>> 3;
    offset &= 7;
  }
}
