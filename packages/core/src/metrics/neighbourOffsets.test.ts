// The probe order the exactness of the neighbour search rests on.
import { neighbourOffsets } from './neighbourOffsets';

test('offsets are sorted by exact anisotropic length, start at 0, and fill the ball', () => {
  const spacing: [number, number, number] = [0.7, 0.7, 1.25];
  const o = neighbourOffsets(spacing);
  expect(o.distanceMm[0]).toBe(0);
  for (let e = 1; e < o.distanceMm.length; e++) expect(o.distanceMm[e]).toBeGreaterThanOrEqual(o.distanceMm[e - 1]);
  expect(o.distanceMm[1]).toBeCloseTo(0.7, 15);
  // Every voxel of the ball is there exactly once (count by enumeration).
  let inBall = 0;
  for (let k = -10; k <= 10; k++)
    for (let j = -10; j <= 10; j++)
      for (let i = -10; i <= 10; i++) if (Math.hypot(i * 0.7, j * 0.7, k * 1.25) <= o.radiusMm - 1e-9) inBall++;
  expect(o.di.length).toBeGreaterThanOrEqual(inBall);
  expect(o.di.length).toBeGreaterThan(900);
  expect(o.di.length).toBeLessThan(1100);
  expect(o.reach).toEqual([Math.floor(o.radiusMm / 0.7), Math.floor(o.radiusMm / 0.7), Math.floor(o.radiusMm / 1.25)]);
});

test('a tiny ball still holds the six face neighbours (the margin the surface kernel needs)', () => {
  const o = neighbourOffsets([1, 1, 1], 1);
  expect(o.di.length).toBe(7);
  expect(Array.from(o.distanceMm)).toEqual([0, 1, 1, 1, 1, 1, 1]);
  expect(o.reach).toEqual([1, 1, 1]);
});

test('thick slices: the ball reaches the next slice (6 mm at 0.3 × 0.3 × 6 mm)', () => {
  const o = neighbourOffsets([0.3, 0.3, 6]);
  expect(o.radiusMm).toBe(6);
  expect(o.reach[2]).toBe(1);
});
