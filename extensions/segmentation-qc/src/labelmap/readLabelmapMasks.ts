import { BitMask, type VoxelGrid } from '@segqc/core';
import { hostCornerstone, type HostCornerstone } from './hostCornerstone';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import { labelmapOnGrid } from './labelmapOnGrid';
import type { GridSlice } from './sourceImagesOfDisplaySet';

/**
 * What the user painted: one BitMask per segment of the labelmap segmentation (empty when the
 * segment has no voxel), on the grid of its source series. Each labelmap image lands on the grid
 * slice of the source image it was derived from (by SOPInstanceUID), whatever the layer's order.
 */
export function readLabelmapMasks(
  segmentationId: string,
  slices: readonly GridSlice[],
  grid: VoxelGrid,
  cs: HostCornerstone = hostCornerstone(),
): Map<number, BitMask> {
  if (slices.length !== grid.slices) throw new LabelmapBridgeError(`${slices.length} slices given for a grid of ${grid.slices}`);
  const pixelsPerSlice = grid.rows * grid.columns;
  const { layers, bindings } = labelmapOnGrid(segmentationId, slices, pixelsPerSlice, cs);
  const masks = new Map<number, BitMask>();
  for (const [segmentIndex, { labelmapId, labelValue }] of bindings) {
    const mask = new BitMask(grid);
    layers.get(labelmapId)!.forEach((image, k) => {
      if (!image) return;
      const pixels = image.voxelManager!.getScalarData();
      const offset = k * pixelsPerSlice;
      for (let p = 0; p < pixelsPerSlice; p++) if (pixels[p] === labelValue) mask.set(offset + p);
    });
    masks.set(segmentIndex, mask);
  }
  return masks;
}
