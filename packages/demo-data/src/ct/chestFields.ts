/**
 * First pass over a synthetic chest: the signed distance to the lung boundary of every voxel
 * (both lungs; which lung is the sign of x) and, when asked, the noiseless Hounsfield values of
 * everything but vessels and nodules. Both come from the same primitives, so the lungs seen in the
 * image are exactly the lungs the masks are derived from.
 */
import { coverage, ellipseSdf, segmentDistance } from '../geometry/sdf';
import type { ChestAnatomy, Dome } from './chestAnatomy';
import { CHEST_GRID, CHEST_VOXELS, CHEST_Z_CENTER, chestX, chestY, chestZ } from './chestGrid';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { abs, atan2, cos, max, min, sqrt, PI } = Math;
// Math.hypot is several times slower than sqrt in V8, and these run for every voxel.
const len2 = (x: number, y: number): number => sqrt(x * x + y * y);
const len3 = (x: number, y: number, z: number): number => sqrt(x * x + y * y + z * z);

/** Reference Hounsfield values of the tissues (non-contrast CT). */
export const HU = Object.freeze({
  air: -1000,
  fat: -100,
  mediastinalFat: -85,
  muscle: 48,
  blood: 42,
  heart: 40,
  liver: 58,
  stomach: 30,
  spleen: 46,
  esophagus: 35,
  cancellousBone: 260,
  corticalBone: 750,
  rib: 620,
  disc: 85,
  csf: 12,
  tableShell: 220,
  tableFoam: -450,
});

export interface ChestFields {
  /** Signed distance (mm) to the lung boundary, negative inside a lung. */
  lungSdf: Float32Array;
  /** Noiseless HU without vessels and nodules, when requested. */
  hu?: Float32Array;
}

const PV = CHEST_GRID.pixelSpacing; // partial-volume width
const FAR = 60; // lungSdf value stored for voxels far outside the trunk

export function domeZ(dome: Dome, x: number, y: number): number {
  return dome.apexZ - ((x - dome.cx) ** 2 + (y - dome.cy) ** 2) / (2 * dome.radius);
}

/** Signed distance to a dome, positive below it (towards the abdomen). */
function domeSdf(dome: Dome, x: number, y: number, zl: number): number {
  const gx = (x - dome.cx) / dome.radius, gy = (y - dome.cy) / dome.radius;
  return (domeZ(dome, x, y) - zl) / sqrt(1 + gx * gx + gy * gy);
}

export function computeChestFields(anatomy: ChestAnatomy, { withHu }: { withHu: boolean }): ChestFields {
  const { rows, columns, slices } = CHEST_GRID;
  const lungSdf = new Float32Array(CHEST_VOXELS);
  const hu = withHu ? new Float32Array(CHEST_VOXELS) : undefined;
  const { body, mediastinum: med, heart, aorta, domes, spineY } = anatomy;
  const meanDomeZ = (domes.right.apexZ + domes.left.apexZ) / 2;

  for (let k = 0; k < slices; k++) {
    const zl = chestZ(k) - CHEST_Z_CENTER;
    const A = body.a * (1 + (body.topWidening * zl) / 124);
    const B = body.b;
    const fatA = A - anatomy.fatThickness, fatB = B - anatomy.fatThickness;
    const musA = fatA - anatomy.muscleThickness, musB = fatB - anatomy.muscleThickness;
    const shrink = zl <= anatomy.shrinkStart ? 1 : zl >= anatomy.apex ? 0 : sqrt(1 - ((zl - anatomy.shrinkStart) / (anatomy.apex - anatomy.shrinkStart)) ** 2);
    const cavA = musA * shrink, cavB = musB * shrink;
    const cavCy = body.cy + (1 - shrink) * 0.3 * musB; // apices lie posterior
    const medT = min(1, max(0, (zl - meanDomeZ) / (anatomy.apex - meanDomeZ)));
    const medW = med.halfWidthBottom + (med.halfWidthTop - med.halfWidthBottom) * medT;
    const hdz = zl - heart.cz;
    const heartScale = abs(hdz) < heart.c ? sqrt(1 - (hdz / heart.c) ** 2) : 0;
    const ha = heart.a * heartScale, hb = heart.b * heartScale;
    const descendingAorta = zl < aorta.archZ + aorta.r;
    const ascendingAorta = zl > heart.cz + 0.3 * heart.c && zl < aorta.archZ;
    const nearArch = abs(zl - aorta.archZ) < aorta.r + 2;
    const tracheaPresent = zl > anatomy.carinaZ;
    const bronchiPresent = zl <= anatomy.carinaZ + 6 && zl > anatomy.carinaZ - 34;
    const tracheaY = spineY - 40;
    const discPhase = ((zl + 400) % 27 + 27) % 27;
    const isDisc = discPhase < 5;
    const sternumPresent = zl > heart.cz - heart.c;

    for (let r = 0; r < rows; r++) {
      const y = chestY(r);
      const yb = y - body.cy;
      for (let c = 0; c < columns; c++) {
        const x = chestX(c);
        const v = (k * rows + r) * columns + c;
        const dBody = ellipseSdf(x, yb, A, B);
        if (dBody > 3) {
          lungSdf[v] = FAR;
          if (hu) hu[v] = tableHu(x, y, body.cy + B);
          continue;
        }
        // --- lungs: carved out of the thoracic cavity ---
        const right = x < 0;
        const dome = right ? domes.right : domes.left;
        const dMed = ellipseSdf(x, y - med.cy, medW, med.halfDepth);
        const dHeart = heartScale > 0 && abs(x - heart.cx) < ha + 12 && abs(y - heart.cy) < hb + 12 ? ellipseSdf(x - heart.cx, y - heart.cy, ha, hb) : FAR;
        let dLung = shrink > 0 ? ellipseSdf(x, y - cavCy, cavA, cavB) : FAR;
        if (dLung < 12) {
          if (-dMed > dLung) dLung = -dMed;
          if (-dHeart > dLung) dLung = -dHeart;
          const dSpine = len2(x, y - (spineY + 10)) - 31;
          if (-dSpine > dLung) dLung = -dSpine;
          if (descendingAorta) {
            const dAorta = len2(x - aorta.cx, y - aorta.cy) - (aorta.r + 2);
            if (-dAorta > dLung) dLung = -dAorta;
          }
          const dDome = domeSdf(dome, x, y, zl);
          if (dDome > dLung) dLung = dDome;
        }
        lungSdf[v] = dLung > FAR ? FAR : dLung;
        if (!hu) continue;

        // --- Hounsfield values, painted from outside in ---
        let h: number = HU.air;
        h += (HU.fat - h) * coverage(dBody, PV);
        const dFat = ellipseSdf(x, yb, fatA, fatB);
        h += (HU.muscle - h) * coverage(dFat, PV);
        const dMus = ellipseSdf(x, yb, musA, musB);
        if (dMus < 10) {
          const inTrunk = coverage(dMus, PV);
          // abdomen below the diaphragm
          const dBelowDome = -domeSdf(dome, x, y, zl);
          if (dBelowDome > -3) {
            const organ = x < 25 ? HU.liver : y - body.cy > 10 ? HU.spleen : HU.stomach;
            h += (organ - h) * inTrunk * coverage(-dBelowDome, PV);
            if (!right && x > 35 && y - body.cy < -5) {
              const dGas = len3(x - 70, y - (body.cy - 35), (zl - domes.left.apexZ + 25) * 1.5) - 16;
              h += (HU.air - h) * coverage(dGas, PV) * inTrunk;
            }
          }
          // mediastinum (down to the diaphragm), heart, great vessels
          if (dMed < 3 && zl > meanDomeZ - 8) h += (HU.mediastinalFat - h) * coverage(dMed, PV) * inTrunk;
          if (dHeart < 6) {
            h += (HU.mediastinalFat - h) * coverage(dHeart - 3, PV);
            h += (HU.heart - h) * coverage(dHeart, PV);
          }
          if (descendingAorta && abs(y - aorta.cy) < aorta.r + 3) h += (HU.blood - h) * coverage(len2(x - aorta.cx, y - aorta.cy) - aorta.r, PV);
          if (ascendingAorta) h += (HU.blood - h) * coverage(len2(x - aorta.ascendingX, y - aorta.ascendingY) - (aorta.r + 2), PV);
          if (nearArch && y < aorta.cy + aorta.r + 3) {
            const dArch = segmentDistance(x, y, zl, aorta.ascendingX, aorta.ascendingY, aorta.archZ, aorta.cx, aorta.cy, aorta.archZ) - aorta.r;
            h += (HU.blood - h) * coverage(dArch, PV);
          }
          if (zl > dome.apexZ - 40 && abs(y - (spineY - 24)) < 12) h += (HU.esophagus - h) * coverage(len2(x + 6, y - (spineY - 24)) - 7, PV);
          if (tracheaPresent && abs(x) < 14 && abs(y - tracheaY) < 14) {
            const dTrachea = len2(x, y - tracheaY);
            h += (HU.muscle - h) * coverage(dTrachea - 11, PV);
            h += (HU.air - h) * coverage(dTrachea - 9, PV);
          }
          if (bronchiPresent && abs(x) < 58 && y < tracheaY + 12 && y > tracheaY - 22) {
            const side = right ? -1 : 1;
            const dBronchus = segmentDistance(x, y, zl, 0, tracheaY, anatomy.carinaZ, side * 48, tracheaY - 8, anatomy.carinaZ - 28);
            h += (HU.muscle - h) * coverage(dBronchus - 7, PV);
            h += (HU.air - h) * coverage(dBronchus - 5.5, PV);
          }
          // spine and sternum
          const dVertebra = abs(x) < 20 ? len2(x, y - spineY) - 16 : FAR;
          if (dVertebra < 3) {
            h += ((isDisc ? HU.disc : HU.corticalBone) - h) * coverage(dVertebra, PV);
            if (!isDisc) h += (HU.cancellousBone - h) * coverage(dVertebra + 2, PV);
          }
          if (abs(x) < 24 && abs(y - (spineY + 30)) < 20) {
            const dPosterior = ellipseSdf(x, y - (spineY + 37), 17, 7);
            if (dPosterior < 3) h += (HU.corticalBone * 0.8 - h) * coverage(dPosterior, PV);
            const dCanal = len2(x, y - (spineY + 24)) - 7;
            if (dCanal < 3) h += (HU.csf - h) * coverage(dCanal, PV);
          }
          if (sternumPresent && abs(x) < 18) {
            const dSternum = ellipseSdf(x, y - (body.cy - B + anatomy.fatThickness + 8), 13, 6);
            if (dSternum < 3) {
              h += (HU.corticalBone - h) * coverage(dSternum, PV);
              h += (HU.cancellousBone - h) * coverage(dSternum + 1.5, PV);
            }
          }
          // lungs, with the dependent (posterior) density gradient
          if (dLung < 3) h += (anatomy.lungHu + 45 * (yb / B) - h) * coverage(dLung, PV);
          // ribs: a band of the chest wall just outside the cavity, sloping down anteriorly
          if (dMus > -1 && dMus < 10 && zl > meanDomeZ - 55) {
            const fromPosterior = abs(atan2(x, yb)); // 0 posterior .. π anterior
            if (fromPosterior < 2.55) {
              const phase = cos((2 * PI * (zl + (130 * fromPosterior) / PI)) / 26);
              if (phase > 0.35) h += (HU.rib - h) * coverage(abs(dMus - 4.5) - 4, PV) * min(1, (phase - 0.35) * 4);
            }
          }
        }
        hu[v] = h;
      }
    }
  }
  return hu ? { lungSdf, hu } : { lungSdf };
}

/** The scanner table under the patient: a curved carbon shell over foam. */
function tableHu(x: number, y: number, bodyBack: number): number {
  if (abs(x) > 175) return HU.air;
  const top = bodyBack + 6 + 0.0009 * x * x;
  if (y < top) return HU.air;
  if (y < top + 3) return HU.tableShell;
  if (y < top + 20) return HU.tableFoam;
  if (y < top + 23) return HU.tableShell;
  return HU.air;
}
