/** Set bits in a bitset (SWAR popcount per word, zero words skipped). */
export function countBits(words: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < words.length; w++) {
    const x = words[w];
    if (x === 0) continue;
    let v = x - ((x >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}
