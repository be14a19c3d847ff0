import type { HostCornerstone, HostImage, HostLabelmapLayer } from './hostCornerstone';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import type { GridSlice } from './sourceImagesOfDisplaySet';

/** Where a segment's voxels are kept: a layer, and the value it has there. */
export interface SegmentBinding {
  labelmapId: string;
  labelValue: number;
}

/** A labelmap segmentation laid on SegQC's grid: each layer's image per slice, each segment's binding. */
export interface LabelmapOnGrid {
  /** labelmapId → imageOfSlice[k], the layer's image on grid slice k (undefined: none there). */
  layers: Map<string, Array<HostImage | undefined>>;
  /** Segment index → its layer and label value. */
  bindings: Map<number, SegmentBinding>;
}

const INSTANCE_IN_IMAGE_ID = /\/instances\/([0-9.]+)(?:\/|$)/;

function layersOf(segmentationId: string, data: NonNullable<ReturnType<HostCornerstone['getSegmentation']>>['representationData']['Labelmap']) {
  if (!data) throw new LabelmapBridgeError(`segmentation ${segmentationId} has no labelmap representation`);
  const layers: HostLabelmapLayer[] = data.labelmaps && Object.keys(data.labelmaps).length > 0
    ? Object.values(data.labelmaps)
    : [{ labelmapId: data.primaryLabelmapId ?? `${segmentationId}-storage-0`, volumeId: data.volumeId, imageIds: data.imageIds, referencedImageIds: data.referencedImageIds }];
  const primary = data.primaryLabelmapId && layers.some((layer) => layer.labelmapId === data.primaryLabelmapId) ? data.primaryLabelmapId : layers[0].labelmapId;
  return { layers, primary };
}

/**
 * Lays a labelmap segmentation on the grid of its source series (`slices[k]` is slice k, of `pixelsPerSlice` voxels): each labelmap image is matched to
 * its grid slice by the SOPInstanceUID of the source image it was derived from (never by its place
 * in the labelmap's image list), for stack layers and image-backed volume layers alike. Segments
 * without an explicit binding are on the primary layer with their index as value (cornerstone's rule).
 */
export function labelmapOnGrid(segmentationId: string, slices: readonly GridSlice[], pixelsPerSlice: number, cs: HostCornerstone): LabelmapOnGrid {
  const segmentation = cs.getSegmentation(segmentationId);
  if (!segmentation) throw new LabelmapBridgeError(`segmentation ${segmentationId} is not in the viewer`);
  const data = segmentation.representationData.Labelmap;
  const { layers, primary } = layersOf(segmentationId, data);

  const sliceBySop = new Map(slices.map((slice) => [slice.sopInstanceUID, slice.k]));
  const sopByImageId = new Map(slices.map((slice) => [slice.imageId, slice.sopInstanceUID]));
  const sliceOf = (referencedImageId: string): number | undefined => {
    const sop = sopByImageId.get(referencedImageId) ?? cs.sopInstanceUIDOf(referencedImageId) ?? INSTANCE_IN_IMAGE_ID.exec(referencedImageId)?.[1];
    return sop === undefined ? undefined : sliceBySop.get(sop);
  };

  const onGrid = new Map<string, Array<HostImage | undefined>>();
  for (const layer of layers) {
    const volumeImageIds = layer.volumeId ? cs.getVolumeImageIds(layer.volumeId) : undefined;
    const imageIds = volumeImageIds ?? layer.imageIds;
    if (!imageIds?.length) throw new LabelmapBridgeError(`labelmap layer ${layer.labelmapId} has no images SegQC can read`);
    const referencedImageIds = !volumeImageIds && layer.referencedImageIds?.length === imageIds.length ? layer.referencedImageIds : undefined;
    const imageOfSlice = new Array<HostImage | undefined>(slices.length).fill(undefined);
    let placed = 0;
    imageIds.forEach((imageId, n) => {
      const image = cs.getImage(imageId);
      if (!image?.voxelManager) throw new LabelmapBridgeError(`labelmap image ${n + 1} of layer ${layer.labelmapId} is not in the viewer's cache`);
      const referencedImageId = referencedImageIds?.[n] ?? image.referencedImageId;
      const k = referencedImageId === undefined ? undefined : sliceOf(referencedImageId);
      if (k === undefined) return; // an image of another series: not on this grid
      if (image.rows * image.columns !== pixelsPerSlice || image.voxelManager.getScalarData().length !== pixelsPerSlice) {
        throw new LabelmapBridgeError(`labelmap image ${n + 1} of layer ${layer.labelmapId} is ${image.columns}×${image.rows} pixels; the series has ${pixelsPerSlice} per slice`);
      }
      if (imageOfSlice[k]) throw new LabelmapBridgeError(`layer ${layer.labelmapId} has two labelmap images for slice ${k + 1} (SOP Instance ${slices[k].sopInstanceUID})`);
      imageOfSlice[k] = image;
      placed++;
    });
    if (placed === 0) throw new LabelmapBridgeError(`labelmap layer ${layer.labelmapId} has no image derived from this series`);
    onGrid.set(layer.labelmapId, imageOfSlice);
  }

  const bindings = new Map<number, SegmentBinding>();
  const segmentIndices = new Set([...Object.keys(segmentation.segments), ...Object.keys(data?.segmentBindings ?? {})].map(Number));
  for (const segmentIndex of [...segmentIndices].sort((a, b) => a - b)) {
    const binding = data?.segmentBindings?.[segmentIndex] ?? { labelmapId: primary, labelValue: segmentIndex };
    if (!onGrid.has(binding.labelmapId)) throw new LabelmapBridgeError(`segment ${segmentIndex} is bound to labelmap layer ${binding.labelmapId}, which the segmentation does not have`);
    bindings.set(segmentIndex, { labelmapId: binding.labelmapId, labelValue: binding.labelValue });
  }
  return { layers: onGrid, bindings };
}
