// The phantoms' boundaries, partial volume and annotator margins all rest on these distances.
import { coverage, ellipseSdf, ellipsoidSdf, segmentDistance } from './sdf';

describe('signed distances', () => {
  it('is exact for circles and spheres', () => {
    expect(ellipseSdf(3, 4, 10, 10)).toBeCloseTo(-5, 10);
    expect(ellipseSdf(0, 13, 10, 10)).toBeCloseTo(3, 10);
    expect(ellipsoidSdf(2, 3, 6, 5, 5, 5)).toBeCloseTo(2, 10);
    expect(ellipsoidSdf(0, 0, 0, 5, 6, 7)).toBe(-5);
  });

  it('is exact on the axes of an ellipse and zero on its boundary', () => {
    expect(ellipseSdf(22, 0, 20, 10)).toBeCloseTo(2, 10);
    expect(ellipseSdf(0, 8, 20, 10)).toBeCloseTo(-2, 10);
    const t = 0.7;
    expect(ellipseSdf(20 * Math.cos(t), 10 * Math.sin(t), 20, 10)).toBeCloseTo(0, 10);
  });

  it('approximates the distance off-axis within 5% near the boundary', () => {
    // Outward normal at angle t of the ellipse x = 20 cos t, y = 10 sin t; a point 1 mm along it.
    const t = 0.9, a = 20, b = 10;
    const nx = b * Math.cos(t), ny = a * Math.sin(t), n = Math.hypot(nx, ny);
    const d = ellipseSdf(a * Math.cos(t) + nx / n, b * Math.sin(t) + ny / n, a, b);
    expect(Math.abs(d - 1)).toBeLessThan(0.05);
  });

  it('measures the distance to a segment, clamped at its ends', () => {
    expect(segmentDistance(5, 3, 0, 0, 0, 0, 10, 0, 0)).toBeCloseTo(3, 10);
    expect(segmentDistance(13, 4, 0, 0, 0, 0, 10, 0, 0)).toBeCloseTo(5, 10);
  });

  it('gives partial-volume coverage 1 inside, 0 outside, 1/2 on the boundary', () => {
    expect(coverage(-2, 1.4)).toBe(1);
    expect(coverage(2, 1.4)).toBe(0);
    expect(coverage(0, 1.4)).toBe(0.5);
    expect(coverage(0.35, 1.4)).toBeCloseTo(0.25, 10);
  });
});
