/**
 * Signed distances (mm, negative inside) of the brain's compartments, shared by the MR renderer
 * and the lesion placement so that lesions sit where the images show white matter.
 */
import { ellipsoidSdf } from '../geometry/sdf';
import type { BrainAnatomy, Ellipsoid } from './brainAnatomy';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { exp, sin, SQRT2 } = Math;

export function ellipsoidDistance(e: Ellipsoid, x: number, y: number, z: number): number {
  return ellipsoidSdf(x - e.cx, y - e.cy, z - e.cz, e.a, e.b, e.c);
}

/** Outer surface of the scalp. */
export function headSdf(anatomy: BrainAnatomy, x: number, y: number, z: number): number {
  return ellipsoidDistance(anatomy.head, x, y, z);
}

/** Gyral folding displacement (mm) at a point. */
export function foldAt(anatomy: BrainAnatomy, x: number, y: number, z: number): number {
  let sum = 0;
  for (const w of anatomy.folds) sum += sin(w.kx * x + w.ky * y + w.kz * z + w.phase);
  return (anatomy.foldAmplitude * sum) / SQRT2; // four unit sines: standard deviation √2
}

/** Finer displacement (mm) of the grey/white boundary. */
export function gyriAt(anatomy: BrainAnatomy, x: number, y: number, z: number): number {
  let sum = 0;
  for (const w of anatomy.gyri) sum += sin(w.kx * x + w.ky * y + w.kz * z + w.phase);
  return (anatomy.gyriAmplitude * sum) / SQRT2;
}

/** z of the cranial floor under the cerebrum at (x, y). */
export function cranialFloorZ(anatomy: BrainAnatomy, x: number, y: number): number {
  return anatomy.skullBaseZ + anatomy.skullBaseSlope * (y - anatomy.head.cy) + 6 * exp(-((x / 18) ** 2)) - 0.004 * x * x;
}

/** Pial surface of the cerebrum (grey matter inside). */
export function pialSdf(anatomy: BrainAnatomy, floorZ: number, z: number, dHead: number, fold: number): number {
  const dPial = dHead + anatomy.scalpThickness + anatomy.skullThickness + anatomy.csfThickness + fold;
  const dBase = floorZ - z;
  return dPial > dBase ? dPial : dBase;
}

/** Grey/white boundary of the cerebrum (white matter inside; deep nuclei and ventricles not removed). */
export function whiteSurfaceSdf(anatomy: BrainAnatomy, floorZ: number, z: number, dHead: number, fold: number, gyri: number): number {
  const dWhite = dHead + anatomy.scalpThickness + anatomy.skullThickness + anatomy.csfThickness + anatomy.cortexThickness + 0.6 * fold + gyri;
  const dBase = floorZ + 4 - z;
  return dWhite > dBase ? dWhite : dBase;
}

/** White matter proper: inside the grey/white boundary and outside ventricles and deep grey nuclei. */
export function whiteMatterSdf(anatomy: BrainAnatomy, x: number, y: number, z: number): number {
  const dHead = headSdf(anatomy, x, y, z);
  let d = whiteSurfaceSdf(anatomy, cranialFloorZ(anatomy, x, y), z, dHead, foldAt(anatomy, x, y, z), gyriAt(anatomy, x, y, z));
  for (const e of [...anatomy.ventricles, ...anatomy.deepGrey]) {
    const inside = -ellipsoidDistance(e, x, y, z);
    if (inside > d) d = inside;
  }
  return d;
}
