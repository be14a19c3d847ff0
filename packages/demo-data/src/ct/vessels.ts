/**
 * Pulmonary vessels: a branching tree per lung from its hilum, painted as partial-volume fractions
 * inside the lungs (blood at about 40 HU in −850 HU parenchyma). Vessels belong to the lung for
 * segmentation, as in clinical lung masks; they only make the images look like lungs.
 */
import { Random } from '../random/Random';
import { coverage } from '../geometry/sdf';
import type { ChestAnatomy } from './chestAnatomy';
import { CHEST_GRID, CHEST_Z_CENTER, chestX, chestY, chestZ } from './chestGrid';
import { chestVoxelAt } from './volumeIndex';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { abs, ceil, cos, floor, hypot, max, min, sin, sqrt } = Math;

export interface VesselSegment {
  from: [number, number, number];
  to: [number, number, number];
  radius: number;
}

/** The vessel tree of both lungs (patient coordinates, mm), grown inside `lungSdf`. */
export function growVesselTree(caseId: string, anatomy: ChestAnatomy, lungSdf: Float32Array): VesselSegment[] {
  const random = new Random(`segqc-demo/${caseId}/vessels`);
  const segments: VesselSegment[] = [];
  const insideLung = (p: [number, number, number], margin: number): boolean => {
    const v = chestVoxelAt(p[0], p[1], p[2]);
    return v >= 0 && lungSdf[v] < -margin;
  };
  const grow = (from: [number, number, number], direction: [number, number, number], radius: number, length: number, depth: number): void => {
    if (radius < 0.75 || depth > 8) return;
    const to: [number, number, number] = [from[0] + direction[0] * length, from[1] + direction[1] * length, from[2] + direction[2] * length];
    if (!insideLung(to, radius + 1)) {
      if (length > 8) grow(from, direction, radius, length * 0.55, depth + 1);
      return;
    }
    segments.push({ from, to, radius });
    const branches = 2;
    for (let b = 0; b < branches; b++) {
      const spread = random.uniform(0.3, 0.6) * (b === 0 ? 1 : -1);
      grow(to, turn(direction, spread, random.uniform(-1.2, 1.2)), radius * random.uniform(0.74, 0.84), length * random.uniform(0.7, 0.88), depth + 1);
    }
  };
  const hilumZ = anatomy.carinaZ - 22 + CHEST_Z_CENTER;
  for (const side of [-1, 1]) {
    const halfWidth = (anatomy.mediastinum.halfWidthBottom + anatomy.mediastinum.halfWidthTop) / 2;
    const hilum: [number, number, number] = [side * (halfWidth + 6), anatomy.spineY - 40, hilumZ];
    // Upper, middle and lower trunks: up-and-out, out, down-and-out (and a little anterior/posterior).
    for (const [up, forward] of [[0.8, -0.3], [0.6, 0.3], [0.1, -0.5], [0.05, 0.4], [-0.7, 0.25], [-0.45, 0.7], [-0.6, -0.4]]) {
      const direction = normalize([side * 0.65, forward + random.uniform(-0.15, 0.15), up + random.uniform(-0.1, 0.1)]);
      grow(hilum, direction, random.uniform(4.2, 5.2), random.uniform(24, 32), 0);
    }
  }
  return segments;
}

/** Vessel fraction (0..1) of each voxel inside the lungs. */
export function paintVessels(segments: readonly VesselSegment[], lungSdf: Float32Array): Float32Array {
  const { rows, columns, slices, pixelSpacing, sliceThickness } = CHEST_GRID;
  const fraction = new Float32Array(lungSdf.length);
  for (const { from, to, radius } of segments) {
    const length = hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
    const steps = max(1, ceil(length / 0.7));
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const px = from[0] + (to[0] - from[0]) * t, py = from[1] + (to[1] - from[1]) * t, pz = from[2] + (to[2] - from[2]) * t;
      const reach = radius + pixelSpacing;
      const c0 = max(0, floor((px - reach - CHEST_GRID.x0) / pixelSpacing)), c1 = min(columns - 1, ceil((px + reach - CHEST_GRID.x0) / pixelSpacing));
      const r0 = max(0, floor((py - reach - CHEST_GRID.y0) / pixelSpacing)), r1 = min(rows - 1, ceil((py + reach - CHEST_GRID.y0) / pixelSpacing));
      const k0 = max(0, floor((CHEST_GRID.zFirst - pz - radius) / sliceThickness)), k1 = min(slices - 1, ceil((CHEST_GRID.zFirst - pz + radius) / sliceThickness));
      for (let k = k0; k <= k1; k++) {
        const dz = chestZ(k) - pz;
        for (let r = r0; r <= r1; r++) {
          const dy = chestY(r) - py;
          for (let c = c0; c <= c1; c++) {
            const v = (k * rows + r) * columns + c;
            if (lungSdf[v] >= 0) continue;
            const dx = chestX(c) - px;
            const f = coverage(sqrt(dx * dx + dy * dy + dz * dz) - radius, pixelSpacing);
            if (f > fraction[v]) fraction[v] = f;
          }
        }
      }
    }
  }
  return fraction;
}

function normalize(v: [number, number, number]): [number, number, number] {
  const n = hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** `direction` turned by `angle` (rad) in a plane containing it, tilted by `tilt`. */
function turn(direction: [number, number, number], angle: number, tilt: number): [number, number, number] {
  // A unit vector perpendicular to direction, rotated about it by tilt.
  const helper: [number, number, number] = abs(direction[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const p1 = normalize(cross(direction, helper));
  const p2 = cross(direction, p1);
  const perpendicular: [number, number, number] = [
    p1[0] * cos(tilt) + p2[0] * sin(tilt),
    p1[1] * cos(tilt) + p2[1] * sin(tilt),
    p1[2] * cos(tilt) + p2[2] * sin(tilt),
  ];
  return normalize([
    direction[0] * cos(angle) + perpendicular[0] * sin(angle),
    direction[1] * cos(angle) + perpendicular[1] * sin(angle),
    direction[2] * cos(angle) + perpendicular[2] * sin(angle),
  ]);
}

function cross(a: readonly number[], b: readonly number[]): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
