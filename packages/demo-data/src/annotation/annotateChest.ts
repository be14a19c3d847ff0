/**
 * What each person segments on a chest phantom, as one label volume (1 right lung, 2 left lung,
 * 3 nodule; segments do not overlap: lungs exclude what the same person marked as nodule).
 * Annotators draw the truth shifted by their margin field (bias + drift + smooth noise), skip or
 * add nodules as their habits say; the gold reference is the truth itself.
 */
import type { DemoAnnotator } from '../cohort/annotators';
import { CHEST_GRID, chestX, chestY, chestZ } from '../ct/chestGrid';
import type { ChestPhantom } from '../ct/chestPhantom';
import { forEachVoxelNear, placeNodules, type Nodule } from '../ct/nodules';
import { marginField, type MarginField } from './marginField';

export const CHEST_LABEL = Object.freeze({ rightLung: 1, leftLung: 2, nodule: 3 });

export interface LesionDetection {
  /** Truth lesion ids the annotator segmented. */
  detected: number[];
  /** Truth lesion ids the annotator left out. */
  missed: number[];
  /** Lesions the annotator added where there is none. */
  falsePositives: number;
}

export interface ChestAnnotation {
  labels: Uint8Array;
  /** Voxel count per label 1..3. */
  counts: [number, number, number];
  detection: LesionDetection;
}

/** How an annotator's boundary is placed on one case. */
export interface AnnotatorBehaviour {
  annotator: DemoAnnotator;
  /** Drift in voxels at the date of this annotation. */
  driftVoxels: number;
}

const ZERO_MARGIN: MarginField = { at: () => 0, min: 0, max: 0 };

/**
 * Nodules are drawn with more care than organ outlines: the smooth noise is nearly constant across
 * a nodule, so at full amplitude it would act as a large per-nodule bias on small nodules.
 */
const NODULE_NOISE_FACTOR = 0.3;

export function annotateChest(phantom: ChestPhantom, behaviour: AnnotatorBehaviour | 'truth'): ChestAnnotation {
  const { rows, columns, slices, pixelSpacing } = CHEST_GRID;
  const labels = new Uint8Array(rows * columns * slices);
  const fieldOf = (noiseFactor: number): MarginField =>
    behaviour === 'truth'
      ? ZERO_MARGIN
      : marginField(`segqc-demo/${phantom.caseId}/${behaviour.annotator.key}/margin`, {
          biasMm: (behaviour.annotator.biasVoxels + behaviour.driftVoxels) * pixelSpacing,
          noiseMm: behaviour.annotator.noiseVoxels * noiseFactor * pixelSpacing,
        });
  const margin = fieldOf(1);
  const noduleMargin = fieldOf(NODULE_NOISE_FACTOR);

  // Nodules first: the lungs exclude them.
  const missesSmallest = behaviour !== 'truth' && behaviour.annotator.missesSmallestNoduleIn.includes(phantom.caseId);
  const drawn = phantom.nodules.filter((n) => !(missesSmallest && n.id === 1));
  const extra: Nodule[] =
    behaviour !== 'truth' && behaviour.annotator.addsFalseNoduleIn.includes(phantom.caseId)
      ? placeNodules(`segqc-demo/${phantom.caseId}/${behaviour.annotator.key}/false-nodule`, 1, phantom.lungSdf, { avoid: phantom.nodules, diameters: [6.5], firstId: 100 })
      : [];
  const detected: number[] = [];
  for (const nodule of [...drawn, ...extra]) {
    let voxels = 0;
    forEachVoxelNear(nodule, Math.max(0, noduleMargin.max) + 1, (v, x, y, z, d) => {
      if (d <= noduleMargin.min || (d <= noduleMargin.max && d <= noduleMargin.at(x, y, z))) {
        labels[v] = CHEST_LABEL.nodule;
        voxels++;
      }
    });
    if (voxels > 0 && drawn.includes(nodule)) detected.push(nodule.id);
  }

  for (let k = 0; k < slices; k++) {
    const z = chestZ(k);
    for (let r = 0; r < rows; r++) {
      const y = chestY(r);
      const rowStart = (k * rows + r) * columns;
      for (let c = 0; c < columns; c++) {
        const v = rowStart + c;
        const d = phantom.lungSdf[v];
        if (d > margin.max || labels[v] !== 0) continue;
        const x = chestX(c);
        if (d <= margin.min || d <= margin.at(x, y, z)) labels[v] = x < 0 ? CHEST_LABEL.rightLung : CHEST_LABEL.leftLung;
      }
    }
  }

  const counts: [number, number, number] = [0, 0, 0];
  for (let v = 0; v < labels.length; v++) if (labels[v] !== 0) counts[labels[v] - 1]++;
  return {
    labels,
    counts,
    detection: {
      detected,
      missed: phantom.nodules.filter((n) => !detected.includes(n.id)).map((n) => n.id),
      falsePositives: extra.length,
    },
  };
}
