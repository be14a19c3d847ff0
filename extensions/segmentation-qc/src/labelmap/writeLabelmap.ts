import { hostCornerstone, type HostCornerstone } from './hostCornerstone';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import { labelmapOnGrid } from './labelmapOnGrid';
import type { GridSlice } from './sourceImagesOfDisplaySet';

/**
 * Sets a labelmap segmentation's voxels to `labels` (on the grid of its source series, voxel
 * index = i + columns·(j + rows·k); 0 is background, n is segment n) and re-renders it. Slice k is
 * written to the labelmap image derived from the source image with slices[k]'s SOPInstanceUID.
 * Voxels of segments not in `labels` are cleared. Only voxels that change are written, through
 * cornerstone's voxel manager (which tracks the modified slices for rendering).
 */
export function writeLabelmap(
  segmentationId: string,
  labels: Uint8Array,
  slices: readonly GridSlice[],
  cs: HostCornerstone = hostCornerstone(),
): void {
  if (slices.length === 0 || labels.length % slices.length !== 0) {
    throw new LabelmapBridgeError(`${labels.length} labels cannot be cut into ${slices.length} slices`);
  }
  const pixelsPerSlice = labels.length / slices.length;
  const { layers, bindings } = labelmapOnGrid(segmentationId, slices, pixelsPerSlice, cs);

  // For each layer, the value a label becomes there: its segment's value when bound to this layer, else 0.
  const valueOnLayer = new Map<string, Uint16Array>([...layers.keys()].map((labelmapId) => [labelmapId, new Uint16Array(256)]));
  for (const [segmentIndex, { labelmapId, labelValue }] of bindings) if (segmentIndex <= 255) valueOnLayer.get(labelmapId)![segmentIndex] = labelValue;
  const present = new Set(labels);
  for (const label of present) {
    if (label !== 0 && !bindings.has(label)) throw new LabelmapBridgeError(`label ${label} is not a segment of segmentation ${segmentationId}`);
  }

  for (const [labelmapId, imageOfSlice] of layers) {
    const values = valueOnLayer.get(labelmapId)!;
    slices.forEach((slice, k) => {
      const image = imageOfSlice[k];
      const offset = k * pixelsPerSlice;
      if (!image) {
        for (let p = 0; p < pixelsPerSlice; p++) {
          if (values[labels[offset + p]] !== 0) throw new LabelmapBridgeError(`layer ${labelmapId} has no labelmap image for slice ${k + 1} (SOP Instance ${slice.sopInstanceUID})`);
        }
        return;
      }
      const voxels = image.voxelManager!;
      const current = voxels.getScalarData();
      for (let p = 0; p < pixelsPerSlice; p++) {
        const value = values[labels[offset + p]];
        if (current[p] !== value) voxels.setAtIndex(p, value);
      }
    });
  }
  cs.triggerSegmentationDataModified(segmentationId);
}
