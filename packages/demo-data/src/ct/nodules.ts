/**
 * Lung nodules: solid, slightly ellipsoidal and lobulated, placed well inside a lung. The truth
 * nodule is the set of voxels whose centre has signed distance ≤ 0; the image shows the same
 * surface with partial volume.
 */
import { Random } from '../random/Random';
import { ellipsoidSdf } from '../geometry/sdf';
import { CHEST_GRID, CHEST_VOXELS, chestX, chestY, chestZ } from './chestGrid';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { atan2, ceil, cos, floor, hypot, max, min, sin, sqrt, PI } = Math;

export interface Nodule {
  /** 1-based, in increasing diameter (nodule 1 is the smallest). */
  id: number;
  center: [number, number, number];
  radii: [number, number, number];
  /** Rotation about the z axis, rad. */
  angle: number;
  /** Lobulation amplitude, mm, and its phases. */
  lobulation: number;
  phases: [number, number];
  /** Nominal (volume-equivalent) diameter, mm. */
  diameterMm: number;
  /** Mean attenuation, HU. */
  hu: number;
}

/** Designed diameters: with ≥ 2 nodules the smallest is 5–7.5 mm (easy to miss), the others 9–22 mm. */
function noduleDiameters(random: Random, count: number): number[] {
  if (count === 1) return [random.uniform(10, 20)];
  const diameters = [random.uniform(5, 7.5)];
  for (let i = 1; i < count; i++) diameters.push(random.uniform(9, 22));
  return diameters.sort((a, b) => a - b);
}

/** Places `count` nodules inside the lungs of `lungSdf`, deterministically for `streamName`. */
export function placeNodules(streamName: string, count: number, lungSdf: Float32Array, options: { avoid?: readonly Nodule[]; diameters?: number[]; firstId?: number } = {}): Nodule[] {
  const random = new Random(streamName);
  const diameters = options.diameters ?? noduleDiameters(random, count);
  const placed: Nodule[] = [];
  const others = (): readonly Nodule[] => [...(options.avoid ?? []), ...placed];
  for (const [i, diameter] of diameters.entries()) {
    const radius = diameter / 2;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 20_000) throw new Error(`could not place a ${diameter.toFixed(1)} mm nodule for ${streamName}`);
      const v = random.int(0, CHEST_VOXELS - 1);
      if (!(lungSdf[v] <= -(radius + 6))) continue;
      const c = v % CHEST_GRID.columns, r = floor(v / CHEST_GRID.columns) % CHEST_GRID.rows, k = floor(v / (CHEST_GRID.columns * CHEST_GRID.rows));
      const center: [number, number, number] = [chestX(c) + random.uniform(-0.6, 0.6), chestY(r) + random.uniform(-0.6, 0.6), chestZ(k) + random.uniform(-1.2, 1.2)];
      if (others().some((n) => hypot(n.center[0] - center[0], n.center[1] - center[1], n.center[2] - center[2]) < n.diameterMm / 2 + radius + 15)) continue;
      const e1 = random.uniform(0.88, 1.12), e2 = random.uniform(0.88, 1.12);
      const e3 = 1 / (e1 * e2); // keep the volume of the nominal sphere
      placed.push({
        id: (options.firstId ?? 1) + i,
        center,
        radii: [radius * e1, radius * e2, radius * e3],
        angle: random.uniform(0, PI),
        lobulation: diameter > 10 ? radius * random.uniform(0.04, 0.09) : 0,
        phases: [random.uniform(0, 2 * PI), random.uniform(0, 2 * PI)],
        diameterMm: diameter,
        hu: random.uniform(12, 48),
      });
      break;
    }
  }
  return placed;
}

/** Signed distance (mm, approximate) from (x, y, z) to the nodule's surface. */
export function noduleSdf(nodule: Nodule, x: number, y: number, z: number): number {
  const dx = x - nodule.center[0], dy = y - nodule.center[1], dz = z - nodule.center[2];
  const cosAngle = cos(nodule.angle), sinAngle = sin(nodule.angle);
  const qx = cosAngle * dx + sinAngle * dy, qy = -sinAngle * dx + cosAngle * dy;
  const d = ellipsoidSdf(qx, qy, dz, nodule.radii[0], nodule.radii[1], nodule.radii[2]);
  if (nodule.lobulation === 0) return d;
  const azimuth = atan2(qy, qx), polar = atan2(sqrt(qx * qx + qy * qy), dz);
  return d - nodule.lobulation * sin(3 * azimuth + nodule.phases[0]) * sin(2 * polar + nodule.phases[1]);
}

/** Calls `visit(voxel, x, y, z, d)` for every voxel within `reach` mm of the nodule's bounding sphere. */
export function forEachVoxelNear(nodule: Nodule, reach: number, visit: (voxel: number, x: number, y: number, z: number, d: number) => void): void {
  const { rows, columns, slices, pixelSpacing, sliceThickness, x0, y0, zFirst } = CHEST_GRID;
  const extent = max(...nodule.radii) + nodule.lobulation + reach;
  const [cx, cy, cz] = nodule.center;
  const c0 = max(0, floor((cx - extent - x0) / pixelSpacing)), c1 = min(columns - 1, ceil((cx + extent - x0) / pixelSpacing));
  const r0 = max(0, floor((cy - extent - y0) / pixelSpacing)), r1 = min(rows - 1, ceil((cy + extent - y0) / pixelSpacing));
  const k0 = max(0, floor((zFirst - cz - extent) / sliceThickness)), k1 = min(slices - 1, ceil((zFirst - cz + extent) / sliceThickness));
  for (let k = k0; k <= k1; k++) {
    const z = chestZ(k);
    for (let r = r0; r <= r1; r++) {
      const y = chestY(r);
      for (let c = c0; c <= c1; c++) {
        const x = chestX(c);
        visit((k * rows + r) * columns + c, x, y, z, noduleSdf(nodule, x, y, z));
      }
    }
  }
}
