/** A label volume's arrays as the masks of their label values (one pass per layer). */
import { voxelCount } from '../VoxelGrid';
import type { LabelMasks } from './LabelMasks';
import { LabelMaskSet } from './LabelMaskSet';
import type { LabelVolume } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import type { ReadLabelMasksOptions } from './readLabelMasksOptions';

export function labelMasksFromVolume(volume: LabelVolume, options: ReadLabelMasksOptions = {}): LabelMasks {
  const layers = volume.layers ?? [volume.labels];
  const expected = voxelCount(volume.grid);
  layers.forEach((layer, l) => {
    if (layer.length !== expected) throw new LabelVolumeError(`layers[${l}]`, `${layer.length} labels for a grid of ${expected} voxels`);
  });
  const set = new LabelMaskSet(volume.grid, layers.length, options);
  layers.forEach((labels, layer) => set.addRun(layer, labels, 0));
  const masks: LabelMasks = { grid: volume.grid, layers: set.masks() };
  if (volume.segments) masks.segments = volume.segments;
  return masks;
}
