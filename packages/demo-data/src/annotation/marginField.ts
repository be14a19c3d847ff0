/**
 * How far an annotator's boundary lies from the true one, in mm, at each point: a constant bias
 * plus smooth low-frequency noise (three plane waves of 40–90 mm wavelength), so that a contour
 * wanders by a voxel or two along the surface the way hand-drawn contours do. Positive = outside
 * the truth (over-segmentation).
 */
import { Random } from '../random/Random';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { cos, sin, sqrt, PI } = Math;

export interface MarginField {
  /** Margin (mm) at (x, y, z). */
  at(x: number, y: number, z: number): number;
  /** Bounds of `at` over all space. */
  min: number;
  max: number;
}

export function marginField(streamName: string, { biasMm, noiseMm }: { biasMm: number; noiseMm: number }): MarginField {
  const random = new Random(streamName);
  const waves = Array.from({ length: 3 }, () => {
    const theta = random.uniform(0, PI), phi = random.uniform(0, 2 * PI);
    const k = (2 * PI) / random.uniform(40, 90);
    return {
      kx: k * sin(theta) * cos(phi),
      ky: k * sin(theta) * sin(phi),
      kz: k * cos(theta),
      phase: random.uniform(0, 2 * PI),
    };
  });
  // Three unit sines have standard deviation √(3/2): scale to a standard deviation of noiseMm.
  const scale = noiseMm / sqrt(1.5);
  const [w0, w1, w2] = waves;
  return {
    at: (x, y, z) =>
      biasMm +
      scale *
        (sin(w0.kx * x + w0.ky * y + w0.kz * z + w0.phase) +
          sin(w1.kx * x + w1.ky * y + w1.kz * z + w1.phase) +
          sin(w2.kx * x + w2.ky * y + w2.kz * z + w2.phase)),
    min: biasMm - 3 * scale,
    max: biasMm + 3 * scale,
  };
}
