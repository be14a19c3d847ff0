/**
 * The anatomy of one synthetic chest, drawn from the case's own random stream. Lengths in mm,
 * positions in patient coordinates (x, y) and slab-local z (z − CHEST_Z_CENTER, +z superior).
 */
import { Random } from '../random/Random';

export interface ChestAnatomy {
  /** Outer body ellipse: centre y, semi-axes; wider towards the shoulders by `topWidening` per slab half. */
  body: { cy: number; a: number; b: number; topWidening: number };
  fatThickness: number;
  muscleThickness: number;
  /** Lung apices: the cavity narrows above `shrinkStart` and closes at `apex` (local z). */
  shrinkStart: number;
  apex: number;
  mediastinum: { cy: number; halfWidthTop: number; halfWidthBottom: number; halfDepth: number };
  heart: { cx: number; cy: number; cz: number; a: number; b: number; c: number };
  /** Centre of the vertebral bodies (x = 0). */
  spineY: number;
  aorta: { cx: number; cy: number; r: number; archZ: number; ascendingX: number; ascendingY: number };
  carinaZ: number;
  /** Diaphragm domes, each a paraboloid: z = apexZ − ((x − cx)² + (y − cy)²) / (2 radius). */
  domes: { right: Dome; left: Dome };
  lungHu: number;
  noiseSigma: number;
}

export interface Dome {
  cx: number;
  cy: number;
  apexZ: number;
  radius: number;
}

export function chestAnatomy(caseId: string): ChestAnatomy {
  const random = new Random(`segqc-demo/${caseId}/anatomy`);
  const u = (min: number, max: number): number => random.uniform(min, max);
  const bodyB = u(102, 122);
  const bodyCy = u(-4, 6);
  const fatThickness = u(9, 22);
  const muscleThickness = u(11, 16);
  const posteriorInner = bodyCy + bodyB - fatThickness - muscleThickness;
  const spineY = posteriorInner - u(26, 32);
  const domeZ = u(-78, -62);
  const heartCz = domeZ + u(42, 52);
  return {
    body: { cy: bodyCy, a: u(150, 172), b: bodyB, topWidening: u(0.04, 0.09) },
    fatThickness,
    muscleThickness,
    shrinkStart: u(55, 70),
    apex: u(112, 120),
    mediastinum: { cy: bodyCy - u(8, 14), halfWidthTop: u(22, 27), halfWidthBottom: u(30, 36), halfDepth: bodyB - fatThickness - muscleThickness - u(2, 6) },
    heart: { cx: u(16, 26), cy: bodyCy - u(22, 32), cz: heartCz, a: u(52, 62), b: u(44, 52), c: u(44, 52) },
    spineY,
    aorta: { cx: u(18, 24), cy: spineY - u(10, 14), r: u(10.5, 13), archZ: heartCz + u(58, 66), ascendingX: u(4, 10), ascendingY: bodyCy - u(30, 38) },
    carinaZ: heartCz + u(40, 48),
    domes: {
      right: { cx: -u(50, 65), cy: bodyCy + u(-5, 10), apexZ: domeZ, radius: u(95, 125) },
      left: { cx: u(50, 65), cy: bodyCy + u(-5, 10), apexZ: domeZ - u(10, 20), radius: u(95, 125) },
    },
    lungHu: u(-870, -835),
    noiseSigma: u(10.5, 14),
  };
}
