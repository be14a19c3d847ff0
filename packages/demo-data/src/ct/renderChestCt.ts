/**
 * The CT volume of a chest phantom as stored pixel values: HU of the anatomy, vessels and nodules
 * with partial volume, plus Gaussian noise, stored as HU + 1024 in 12 bits (RescaleIntercept −1024).
 */
import { coverage } from '../geometry/sdf';
import { Random } from '../random/Random';
import type { ChestPhantom } from './chestPhantom';
import { CHEST_GRID } from './chestGrid';
import { HU } from './chestFields';
import { forEachVoxelNear } from './nodules';
import { paintVessels } from './vessels';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { round, sin } = Math;

export const CT_RESCALE_INTERCEPT = -1024;
const MAX_STORED = 4095; // BitsStored 12

export function renderChestCt(phantom: ChestPhantom): Uint16Array {
  if (!phantom.baseHu) throw new Error('renderChestCt needs a phantom built with its image');
  const hu = Float32Array.from(phantom.baseHu);
  const vesselFraction = paintVessels(phantom.vessels, phantom.lungSdf);
  for (let v = 0; v < hu.length; v++) {
    const f = vesselFraction[v];
    if (f > 0) hu[v] += (HU.blood - hu[v]) * f;
  }
  for (const nodule of phantom.nodules) {
    forEachVoxelNear(nodule, 2, (v, x, y, z, d) => {
      const texture = 6 * sin(0.9 * x + 0.7 * y) * sin(0.6 * z + 0.4 * x);
      hu[v] += (nodule.hu + texture - hu[v]) * coverage(d, CHEST_GRID.pixelSpacing);
    });
  }
  const noise = new Random(`segqc-demo/${phantom.caseId}/ct-noise`);
  const sigma = phantom.anatomy.noiseSigma;
  const stored = new Uint16Array(hu.length);
  for (let v = 0; v < hu.length; v++) {
    const value = round(hu[v] + sigma * noise.gaussian()) - CT_RESCALE_INTERCEPT;
    stored[v] = value < 0 ? 0 : value > MAX_STORED ? MAX_STORED : value;
  }
  return stored;
}
