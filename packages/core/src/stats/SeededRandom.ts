import { StatsInputError } from './StatsInputError';

const { imul, floor } = Math;

/**
 * A deterministic pseudo-random generator for bootstrap resampling and simulations: xoshiro128**
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021), its 128-bit
 * state filled from a 32-bit seed by SplitMix32 (the authors advise seeding from a SplitMix
 * generator). Same seed, same sequence, in Node and in browsers; not for cryptography.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** From a seed (an integer; only its low 32 bits are used). */
  constructor(seed: number);
  /** From an explicit xoshiro128 state (four 32-bit words, not all zero) — for the reference vectors. */
  constructor(state: readonly [number, number, number, number]);
  constructor(seedOrState: number | readonly [number, number, number, number]) {
    let state: number[];
    if (typeof seedOrState === 'number') {
      if (!Number.isInteger(seedOrState)) throw new StatsInputError('seed', `must be an integer, got ${seedOrState}`);
      let x = seedOrState >>> 0;
      state = [0, 0, 0, 0].map(() => {
        // SplitMix32: a golden-ratio (Weyl) increment mixed by MurmurHash3's 32-bit finaliser.
        x = (x + 0x9e3779b9) | 0;
        let z = x;
        z = imul(z ^ (z >>> 16), 0x85ebca6b);
        z = imul(z ^ (z >>> 13), 0xc2b2ae35);
        return (z ^ (z >>> 16)) >>> 0;
      });
    } else {
      state = seedOrState.map((word) => word >>> 0);
    }
    if (state.every((word) => word === 0)) throw new StatsInputError('state', 'xoshiro128 needs a state that is not all zero');
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const x = imul(s1, 5);
    const result = imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Uniform integer in [0, n), n ≥ 1. */
  nextInt(n: number): number {
    return floor(this.next() * n);
  }
}
