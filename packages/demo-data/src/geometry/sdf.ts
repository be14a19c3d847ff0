/**
 * Signed distance approximations (mm; negative inside) for the primitives the phantoms are built
 * from. Ellipses and ellipsoids use the first-order estimate k0 (k0 − 1) / k1 (exact for circles
 * and spheres, accurate near the surface), which is what boundary partial volume and annotator
 * margins need.
 */

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { max, min, sqrt } = Math;

/** Ellipse centred at the origin with semi-axes a (x) and b (y). */
export function ellipseSdf(x: number, y: number, a: number, b: number): number {
  if (a <= 0 || b <= 0) return Infinity;
  const xa = x / a, yb = y / b;
  const xaa = xa / a, ybb = yb / b;
  const k0 = sqrt(xa * xa + yb * yb);
  const k1 = sqrt(xaa * xaa + ybb * ybb);
  return k1 < 1e-12 ? -min(a, b) : (k0 * (k0 - 1)) / k1;
}

/** Ellipsoid centred at the origin with semi-axes a, b, c. */
export function ellipsoidSdf(x: number, y: number, z: number, a: number, b: number, c: number): number {
  const xa = x / a, yb = y / b, zc = z / c;
  const xaa = xa / a, ybb = yb / b, zcc = zc / c;
  const k0 = sqrt(xa * xa + yb * yb + zc * zc);
  const k1 = sqrt(xaa * xaa + ybb * ybb + zcc * zcc);
  return k1 < 1e-12 ? -min(a, b, c) : (k0 * (k0 - 1)) / k1;
}

/** Distance from point p to the segment [a, b] (3D). */
export function segmentDistance(
  px: number, py: number, pz: number,
  ax: number, ay: number, az: number,
  bx: number, by: number, bz: number,
): number {
  const abx = bx - ax, aby = by - ay, abz = bz - az;
  const lengthSquared = abx * abx + aby * aby + abz * abz;
  const t = lengthSquared === 0 ? 0 : min(1, max(0, ((px - ax) * abx + (py - ay) * aby + (pz - az) * abz) / lengthSquared));
  const dx = px - (ax + t * abx), dy = py - (ay + t * aby), dz = pz - (az + t * abz);
  return sqrt(dx * dx + dy * dy + dz * dz);
}

/** Partial-volume coverage of a voxel of width `width` at signed distance d from a boundary: 0..1. */
export function coverage(d: number, width: number): number {
  const c = 0.5 - d / width;
  return c <= 0 ? 0 : c >= 1 ? 1 : c;
}
