/**
 * What each person segments on a head phantom: the white-matter lesions (label 1), drawn with the
 * annotator's margin field on the 0.9 mm FLAIR grid; the truth is the lesions themselves.
 */
import { BRAIN_GRID, BRAIN_VOXELS } from '../mr/brainGrid';
import type { BrainPhantom } from '../mr/brainPhantom';
import { forEachVoxelNearLesion } from '../mr/lesions';
import type { AnnotatorBehaviour, LesionDetection } from './annotateChest';
import { marginField } from './marginField';

export interface BrainAnnotation {
  labels: Uint8Array;
  counts: [number];
  detection: LesionDetection;
}

export function annotateBrain(phantom: BrainPhantom, behaviour: AnnotatorBehaviour | 'truth'): BrainAnnotation {
  const labels = new Uint8Array(BRAIN_VOXELS);
  const margin =
    behaviour === 'truth'
      ? { at: () => 0, min: 0, max: 0 }
      : marginField(`segqc-demo/${phantom.caseId}/${behaviour.annotator.key}/margin`, {
          biasMm: (behaviour.annotator.biasVoxels + behaviour.driftVoxels) * BRAIN_GRID.pixelSpacing,
          noiseMm: behaviour.annotator.noiseVoxels * BRAIN_GRID.pixelSpacing,
        });
  const detected: number[] = [];
  for (const lesion of phantom.lesions) {
    let drawn = 0;
    forEachVoxelNearLesion(lesion, Math.max(0, margin.max) + 1, (v, x, y, z, d) => {
      if (d <= margin.min || (d <= margin.max && d <= margin.at(x, y, z))) {
        labels[v] = 1;
        drawn++;
      }
    });
    if (drawn > 0) detected.push(lesion.id);
  }
  let count = 0;
  for (let v = 0; v < labels.length; v++) count += labels[v];
  const missed = phantom.lesions.filter((l) => !detected.includes(l.id)).map((l) => l.id);
  return { labels, counts: [count], detection: { detected, missed, falsePositives: 0 } };
}
