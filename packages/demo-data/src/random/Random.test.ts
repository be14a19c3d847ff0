// Every voxel and boundary of the demo cohort comes from these streams; they must be reproducible
// from a name alone and have the distributions the phantoms assume.
import { Random } from './Random';

describe('Random (xoshiro128** seeded from a name)', () => {
  it('gives the same sequence for the same name and another for another name', () => {
    const a = new Random('segqc-demo/ct-01');
    const b = new Random('segqc-demo/ct-01');
    const c = new Random('segqc-demo/ct-02');
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('implements xoshiro128** exactly (reference state 1, 2, 3, 4)', () => {
    // Reference outputs of the C implementation for s = {1, 2, 3, 4}: 11520, 0, 5927040, 70819200.
    const random = new Random('x');
    Object.assign(random, { s0: 1, s1: 2, s2: 3, s3: 4 });
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const random = new Random('uniform');
    const values = Array.from({ length: 100_000 }, () => random.next());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals: mean 0, sd 1, 95.4% within ±2', () => {
    const noise = new Random('gaussian').fillGaussian(new Float32Array(200_000), 1);
    let sum = 0, squares = 0, within = 0;
    for (const v of noise) {
      sum += v;
      squares += v * v;
      if (Math.abs(v) < 2) within++;
    }
    expect(sum / noise.length).toBeCloseTo(0, 2);
    expect(Math.sqrt(squares / noise.length)).toBeCloseTo(1, 2);
    expect(within / noise.length).toBeCloseTo(0.9545, 2);
  });

  it('draws integers over the whole inclusive range', () => {
    const random = new Random('int');
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });
});
