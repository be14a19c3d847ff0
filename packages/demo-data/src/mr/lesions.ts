/**
 * White-matter lesions (as in multiple sclerosis): ovoid, periventricular ones with their long
 * axis pointing away from the ventricle, juxtacortical ones just beneath the cortex. Centres are
 * snapped near a slice plane so that even a 3 mm lesion shows on the 4 mm slices.
 */
import { ellipseSdf } from '../geometry/sdf';
import { Random } from '../random/Random';
import type { BrainAnatomy } from './brainAnatomy';
import { BRAIN_GRID, brainX, brainY, brainZ } from './brainGrid';
import { whiteMatterSdf } from './brainTissue';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { ceil, cos, floor, hypot, max, min, round, sign, sin, sqrt } = Math;

export interface Lesion {
  /** 1-based, in placement order. */
  id: number;
  kind: 'periventricular' | 'juxtacortical';
  center: [number, number, number];
  /** Unit vector of the long axis. */
  axis: [number, number, number];
  longRadius: number;
  shortRadius: number;
  /** Nominal (volume-equivalent) diameter, mm. */
  diameterMm: number;
}

export function lesionSdf(lesion: Lesion, x: number, y: number, z: number): number {
  const dx = x - lesion.center[0], dy = y - lesion.center[1], dz = z - lesion.center[2];
  const along = dx * lesion.axis[0] + dy * lesion.axis[1] + dz * lesion.axis[2];
  const px = dx - along * lesion.axis[0], py = dy - along * lesion.axis[1], pz = dz - along * lesion.axis[2];
  return ellipseSdf(along, sqrt(px * px + py * py + pz * pz), lesion.longRadius, lesion.shortRadius);
}

/** Places `count` lesions (about half periventricular) in the white matter of `anatomy`. */
export function placeLesions(caseId: string, anatomy: BrainAnatomy, count: number): Lesion[] {
  const random = new Random(`segqc-demo/${caseId}/lesions`);
  const lesions: Lesion[] = [];
  const periventricular = ceil(count / 2);
  for (let i = 0; i < count; i++) {
    const kind = i < periventricular ? 'periventricular' : 'juxtacortical';
    const diameter = kind === 'periventricular' ? random.uniform(5, 15) : random.uniform(3, 8);
    const elongation = random.uniform(1.15, 1.5);
    // Volume-preserving ovoid: long = r e^(2/3), short = r e^(-1/3).
    const r = diameter / 2;
    const longRadius = r * elongation ** (2 / 3), shortRadius = r * elongation ** (-1 / 3);
    for (let attempt = 0; ; attempt++) {
      if (attempt > 50_000) throw new Error(`could not place lesion ${i + 1} for ${caseId}`);
      let center: [number, number, number];
      let axis: [number, number, number];
      if (kind === 'periventricular') {
        const ventricle = anatomy.ventricles[random.int(0, 1)];
        const side = sign(ventricle.cx);
        const t = random.uniform(-0.8, 0.8); // along the ventricle body (y)
        const up = random.uniform(-0.2, 1.2); // lateral (0) to superior (π/2)
        const nx = side * cos(up), nz = sin(up);
        const offset = random.uniform(1.5, 4) + shortRadius;
        center = [
          ventricle.cx + nx * (ventricle.a + offset),
          ventricle.cy + t * ventricle.b,
          ventricle.cz + nz * (ventricle.c * sqrt(1 - t * t) + offset),
        ];
        axis = normalize([nx, random.uniform(-0.2, 0.2), nz]);
      } else {
        center = [brainX(random.int(20, 235)), brainY(random.int(20, 235)), brainZ(random.int(4, 30))];
        axis = normalize([random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-0.3, 0.3)]);
      }
      // Snap near a slice plane so the lesion is visible on the 4 mm slices.
      const slice = round((BRAIN_GRID.zFirst - center[2]) / BRAIN_GRID.sliceThickness);
      if (slice < 2 || slice > BRAIN_GRID.slices - 3) continue;
      center[2] = brainZ(slice) + random.uniform(-0.6, 0.6);
      const dWm = whiteMatterSdf(anatomy, center[0], center[1], center[2]);
      const inside = kind === 'periventricular' ? dWm < -(longRadius + 1) : dWm < -(longRadius + 0.5) && dWm > -(longRadius + 3);
      if (!inside) continue;
      if (lesions.some((l) => hypot(l.center[0] - center[0], l.center[1] - center[1], l.center[2] - center[2]) < l.longRadius + longRadius + 6)) continue;
      lesions.push({ id: i + 1, kind, center, axis, longRadius, shortRadius, diameterMm: diameter });
      break;
    }
  }
  return lesions;
}

function normalize(v: [number, number, number]): [number, number, number] {
  const n = hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** Calls `visit(voxel, x, y, z, d)` for every brain-grid voxel within `reach` mm of the lesion. */
export function forEachVoxelNearLesion(lesion: Lesion, reach: number, visit: (voxel: number, x: number, y: number, z: number, d: number) => void): void {
  const { rows, columns, slices, pixelSpacing, sliceThickness, x0, y0, zFirst } = BRAIN_GRID;
  const extent = lesion.longRadius + reach;
  const [cx, cy, cz] = lesion.center;
  const c0 = max(0, floor((cx - extent - x0) / pixelSpacing)), c1 = min(columns - 1, ceil((cx + extent - x0) / pixelSpacing));
  const r0 = max(0, floor((cy - extent - y0) / pixelSpacing)), r1 = min(rows - 1, ceil((cy + extent - y0) / pixelSpacing));
  const k0 = max(0, floor((zFirst - cz - extent) / sliceThickness)), k1 = min(slices - 1, ceil((zFirst - cz + extent) / sliceThickness));
  for (let k = k0; k <= k1; k++) {
    const z = brainZ(k);
    for (let r = r0; r <= r1; r++) {
      const y = brainY(r);
      for (let c = c0; c <= c1; c++) {
        const x = brainX(c);
        visit((k * rows + r) * columns + c, x, y, z, lesionSdf(lesion, x, y, z));
      }
    }
  }
}
