/**
 * T1-, T2- and FLAIR-weighted volumes of a head phantom, on one grid and one frame of reference.
 * Each tissue has a signal per sequence (T1: WM > GM > CSF; T2: CSF brightest; FLAIR: CSF nulled,
 * lesions brightest); boundaries have partial volume; a smooth coil bias multiplies the signal;
 * noise is Rician (magnitude of complex Gaussian noise), as in magnitude MR images.
 */
import { coverage, ellipseSdf } from '../geometry/sdf';
import { Random } from '../random/Random';
import type { BrainAnatomy } from './brainAnatomy';
import { BRAIN_GRID, BRAIN_VOXELS, brainX, brainY, brainZ } from './brainGrid';
import { cranialFloorZ, ellipsoidDistance, foldAt, gyriAt, headSdf, pialSdf, whiteSurfaceSdf } from './brainTissue';
import { lesionSdf, type Lesion } from './lesions';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { abs, round, sin, sqrt } = Math;

/** Signal of each tissue as [T1, T2, FLAIR] (arbitrary units, 12-bit range). */
export const MR_SIGNAL = Object.freeze({
  air: [0, 0, 0],
  scalp: [1150, 640, 470],
  bone: [70, 55, 45],
  diploe: [760, 430, 300],
  csf: [250, 1900, 110],
  grey: [640, 980, 880],
  white: [900, 660, 640],
  deepGrey: [700, 880, 800],
  lesion: [560, 1450, 1500],
  softTissue: [620, 460, 390],
} as const satisfies Record<string, readonly [number, number, number]>);

export type MrSequenceIndex = 0 | 1 | 2;

export interface MrVolumes {
  t1: Uint16Array;
  t2: Uint16Array;
  flair: Uint16Array;
}

const PV = BRAIN_GRID.pixelSpacing;
const MAX_STORED = 4095;

export function renderBrainMr(caseId: string, anatomy: BrainAnatomy, lesions: readonly Lesion[]): MrVolumes {
  const { rows, columns, slices } = BRAIN_GRID;
  const signal = [new Float32Array(BRAIN_VOXELS), new Float32Array(BRAIN_VOXELS), new Float32Array(BRAIN_VOXELS)];
  const [s1, s2, s3] = signal;
  let a1 = 0, a2 = 0, a3 = 0; // the three channels of the voxel being painted
  const paint = (tissue: readonly [number, number, number], alpha: number): void => {
    if (alpha <= 0) return;
    a1 += (tissue[0] - a1) * alpha;
    a2 += (tissue[1] - a2) * alpha;
    a3 += (tissue[2] - a3) * alpha;
  };
  const { cerebellum, brainstem, sinus, bias } = anatomy;
  const innerOffset = anatomy.scalpThickness + anatomy.skullThickness;

  for (let k = 0; k < slices; k++) {
    const z = brainZ(k);
    const sliceLesions = lesions.filter((l) => abs(l.center[2] - z) < l.longRadius + 2);
    for (let r = 0; r < rows; r++) {
      const y = brainY(r);
      for (let c = 0; c < columns; c++) {
        const x = brainX(c);
        const v = (k * rows + r) * columns + c;
        const dHead = headSdf(anatomy, x, y, z);
        if (dHead > 2) continue; // air
        a1 = a2 = a3 = 0;
        paint(MR_SIGNAL.scalp, coverage(dHead, PV));
        const dSkull = dHead + anatomy.scalpThickness;
        paint(MR_SIGNAL.bone, coverage(dSkull, PV));
        paint(MR_SIGNAL.diploe, coverage(dSkull + 1.8, PV) * coverage(-(dSkull + anatomy.skullThickness - 1.8), PV));
        const dInner = dHead + innerOffset;
        if (dInner < 2) {
          const base = cranialFloorZ(anatomy, x, y);
          paint(MR_SIGNAL.csf, coverage(dInner, PV));
          if (z > base - 6) {
            const nearCortex = dInner > -16;
            const fold = nearCortex ? foldAt(anatomy, x, y, z) : 0;
            const gyri = nearCortex ? gyriAt(anatomy, x, y, z) : 0;
            paint(MR_SIGNAL.grey, coverage(pialSdf(anatomy, base, z, dHead, fold), PV));
            paint(MR_SIGNAL.white, coverage(whiteSurfaceSdf(anatomy, base, z, dHead, fold, gyri), PV));
            for (const e of anatomy.deepGrey) {
              if (abs(x - e.cx) < e.a + 2 && abs(y - e.cy) < e.b + 2 && abs(z - e.cz) < e.c + 2) paint(MR_SIGNAL.deepGrey, coverage(ellipsoidDistance(e, x, y, z), PV));
            }
            for (const e of anatomy.ventricles) {
              if (abs(x - e.cx) < e.a + 2 && abs(y - e.cy) < e.b + 2 && abs(z - e.cz) < e.c + 2) paint(MR_SIGNAL.csf, coverage(ellipsoidDistance(e, x, y, z), PV));
            }
            for (const lesion of sliceLesions) paint(MR_SIGNAL.lesion, coverage(lesionSdf(lesion, x, y, z), PV));
          }
          if (z < base + 6) {
            const below = coverage(z - base, PV);
            const dCerebellum = ellipsoidDistance(cerebellum, x, y, z);
            if (dCerebellum < 2) {
              paint(MR_SIGNAL.grey, coverage(dCerebellum, PV) * below);
              const folia = 1.6 * sin(0.9 * (y - cerebellum.cy) + 0.5 * z) * sin(0.7 * x);
              paint(MR_SIGNAL.white, coverage(dCerebellum + 9 + folia, PV) * below);
            }
            const dStem = ellipseSdf(x, y - brainstem.cy, brainstem.r, brainstem.r * 0.85);
            paint(MR_SIGNAL.white, coverage(dStem, PV) * below);
            const petrousRidge = brainstem.cy - brainstem.r - 6 + 0.45 * abs(x);
            if (y < petrousRidge + 2) {
              // anterior and middle cranial fossae (in front of the petrous ridges): bone and sinuses
              paint(MR_SIGNAL.bone, coverage(z - (base - 4), PV) * coverage(y - petrousRidge, PV));
              paint(MR_SIGNAL.air, coverage(ellipsoidDistance(sinus, x, y, z), PV));
            }
          }
        }
        const gain = 1 + bias.amplitude * sin(bias.kx * x + bias.ky * y + bias.kz * z + bias.phase);
        s1[v] = a1 * gain;
        s2[v] = a2 * gain;
        s3[v] = a3 * gain;
      }
    }
  }
  const stored = (channel: Float32Array, name: string): Uint16Array => {
    const noise = new Random(`segqc-demo/${caseId}/mr-noise/${name}`);
    const sigma = anatomy.noiseSigma;
    const out = new Uint16Array(BRAIN_VOXELS);
    for (let v = 0; v < BRAIN_VOXELS; v++) {
      const re = channel[v] + sigma * noise.gaussian(), im = sigma * noise.gaussian();
      const magnitude = round(sqrt(re * re + im * im));
      out[v] = magnitude > MAX_STORED ? MAX_STORED : magnitude;
    }
    return out;
  };
  return { t1: stored(s1, 't1'), t2: stored(s2, 't2'), flair: stored(s3, 'flair') };
}
