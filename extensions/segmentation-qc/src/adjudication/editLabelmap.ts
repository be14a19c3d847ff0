import { voxelCount, type VoxelGrid } from '@segqc/core';
import {
  createLabelmapSegmentation, jumpToSlice, readLabelmapMasks, removeLabelmapSegmentation, viewportShowingDisplaySet, writeLabelmap,
  type GridSlice, type HostCornerstone, type SourceSeries,
} from '../labelmap';
import type { SegqcServices } from '../services';

/** The labelmap an adjudicator edits one structure's reference in: one segment, on the reviewed source series. */
export interface EditLabelmap {
  segmentationId: string;
  slices: GridSlice[];
  grid: VoxelGrid;
}

/** The edited structure is the labelmap's only segment: the brush paints label value 1. */
export const EDIT_SEGMENT_INDEX = 1;

/** One edit labelmap per structure: choosing another starting point for it replaces that labelmap. */
export function editSegmentationId(structureKey: string): string {
  return `segqc-edit-${structureKey}`;
}

/** The grid slice holding most voxels of a 0/1 label volume, or -1 when it is empty. */
function busiestSlice(labels: Uint8Array, grid: VoxelGrid): number {
  const perSlice = grid.columns * grid.rows;
  let best = -1;
  let bestCount = 0;
  for (let k = 0; k < grid.slices; k++) {
    let count = 0;
    for (let p = k * perSlice, end = p + perSlice; p < end; p++) if (labels[p] !== 0) count++;
    if (count > bestCount) [best, bestCount] = [k, count];
  }
  return best;
}

/**
 * Opens an edit: a labelmap on the source series with the structure as its only segment (label,
 * colour), filled with the starting mask (0/1 labels on the grid), shown on the viewport of the
 * series and active there, so OHIF's Brush and Eraser change it; the viewport goes to the slice
 * where the structure is largest. An earlier labelmap of the same structure is replaced.
 */
export async function openEditLabelmap(
  services: SegqcServices,
  edit: { series: SourceSeries; structureKey: string; label: string; color: readonly [number, number, number]; labels: Uint8Array },
  cs?: HostCornerstone,
): Promise<EditLabelmap> {
  const { series, labels } = edit;
  const { grid } = series.sourceGrid;
  if (labels.length !== voxelCount(grid)) throw new Error(`the starting mask has ${labels.length} voxels, the series ${voxelCount(grid)}`);
  const segmentationId = editSegmentationId(edit.structureKey);
  if (services.segmentationService.getSegmentation(segmentationId)) removeLabelmapSegmentation(services, segmentationId);
  const viewportId = await viewportShowingDisplaySet(services, series.displaySetInstanceUID);
  await createLabelmapSegmentation(services, {
    sourceDisplaySetInstanceUID: series.displaySetInstanceUID,
    segmentationId,
    label: `Reference edit: ${edit.label}`,
    segments: [{ segmentIndex: EDIT_SEGMENT_INDEX, label: edit.label, color: edit.color }],
  });
  try {
    writeLabelmap(segmentationId, labels, series.slices, cs);
    const slice = busiestSlice(labels, grid);
    if (slice >= 0) await jumpToSlice(services, viewportId, series.slices[slice], cs);
  } catch (error) {
    removeLabelmapSegmentation(services, segmentationId);
    throw error;
  }
  return { segmentationId, slices: series.slices, grid };
}

/** The edited reference as the labelmap holds it now: BitMask words on the grid (a fresh copy each call, fit to transfer). */
export function readEditLabelmap(labelmap: EditLabelmap, cs?: HostCornerstone): Uint32Array {
  const mask = readLabelmapMasks(labelmap.segmentationId, labelmap.slices, labelmap.grid, cs).get(EDIT_SEGMENT_INDEX);
  if (!mask) throw new Error(`the edited segment was deleted from segmentation ${labelmap.segmentationId}`);
  return mask.words;
}
