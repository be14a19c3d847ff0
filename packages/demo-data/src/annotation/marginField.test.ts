// Annotator boundaries are the truth shifted by this field: it must be smooth, bounded as it
// claims (the rasteriser skips voxels by those bounds) and reproducible.
import { marginField } from './marginField';

describe('marginField', () => {
  const field = marginField('test/margin', { biasMm: 0.42, noiseMm: 0.7 });

  it('stays within its declared bounds and averages to the bias', () => {
    let sum = 0, n = 0;
    for (let x = -150; x <= 150; x += 7) for (let y = -150; y <= 150; y += 7) for (let z = -120; z <= 120; z += 11) {
      const m = field.at(x, y, z);
      expect(m).toBeGreaterThanOrEqual(field.min);
      expect(m).toBeLessThanOrEqual(field.max);
      sum += m;
      n++;
    }
    expect(sum / n).toBeCloseTo(0.42, 1);
    expect(field.min).toBeCloseTo(0.42 - 3 * 0.7 / Math.sqrt(1.5), 10);
  });

  it('is smooth: within a voxel it changes by far less than a voxel', () => {
    expect(Math.abs(field.at(10, 20, 30) - field.at(11.4, 20, 30))).toBeLessThan(0.2);
  });

  it('is the same for the same stream name', () => {
    expect(marginField('test/margin', { biasMm: 0.42, noiseMm: 0.7 }).at(1, 2, 3)).toBe(field.at(1, 2, 3));
    expect(marginField('test/other', { biasMm: 0.42, noiseMm: 0.7 }).at(1, 2, 3)).not.toBe(field.at(1, 2, 3));
  });
});
