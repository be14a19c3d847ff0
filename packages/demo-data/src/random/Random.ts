/**
 * A seeded pseudo-random generator for the demo cohort: xoshiro128** (Blackman & Vigna) on 32-bit
 * integers, seeded from SHA-256 of a name so that every case, annotator and series draws from its
 * own stream and generating one case alone gives the same values as generating the whole cohort.
 * Gaussian deviates by the Box–Muller transform.
 */
import { encodeUtf8, sha256 } from '@segqc/core';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { cos, floor, imul, log, sin, sqrt, PI } = Math;

export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareGaussian: number | undefined;

  /** A generator seeded from `name` (any string; the same name gives the same sequence). */
  constructor(name: string) {
    const digest = sha256(encodeUtf8(name));
    const word = (i: number): number => ((digest[i] << 24) | (digest[i + 1] << 16) | (digest[i + 2] << 8) | digest[i + 3]) >>> 0;
    this.s0 = word(0);
    this.s1 = word(4);
    this.s2 = word(8);
    this.s3 = word(12);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = imul(rotl(imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer uniform in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  /** Standard normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  gaussian(): number {
    if (this.spareGaussian !== undefined) {
      const spare = this.spareGaussian;
      this.spareGaussian = undefined;
      return spare;
    }
    const u1 = 1 - this.next(); // (0, 1]: log(0) never happens
    const u2 = this.next();
    const radius = sqrt(-2 * log(u1));
    this.spareGaussian = radius * sin(2 * PI * u2);
    return radius * cos(2 * PI * u2);
  }

  /** Fills `out` with independent N(0, sigma²) values, as Float32. */
  fillGaussian(out: Float32Array, sigma: number): Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = sigma * this.gaussian();
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
