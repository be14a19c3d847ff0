import type * as CornerstoneCore from '@cornerstonejs/core';
import type * as CornerstoneTools from '@cornerstonejs/tools';
import { LabelmapBridgeError } from './LabelmapBridgeError';

/** A labelmap or source image in cornerstone's cache: its size, its source image and its voxels. */
export interface HostImage {
  imageId: string;
  /** The source image a derived (labelmap) image was made from. */
  referencedImageId?: string;
  rows: number;
  columns: number;
  voxelManager?: {
    getScalarData(): ArrayLike<number>;
    setAtIndex(index: number, value: number): unknown;
  };
}

/** One labelmap layer as cornerstone-tools 5.6 keeps it (LabelmapLayer, types/LabelmapTypes). */
export interface HostLabelmapLayer {
  labelmapId: string;
  volumeId?: string;
  imageIds?: string[];
  referencedImageIds?: string[];
}

/**
 * A labelmap segmentation's representation data: older segmentations hold one stack (imageIds)
 * or one volume (volumeId); cornerstone-tools 5.6 adds layers and a binding of each segment to a
 * layer and a label value in it (several layers when segments overlap).
 */
export interface HostLabelmapData extends Omit<HostLabelmapLayer, 'labelmapId'> {
  labelmaps?: Record<string, HostLabelmapLayer>;
  segmentBindings?: Record<number, { labelmapId: string; labelValue: number }>;
  primaryLabelmapId?: string;
}

export interface HostSegmentation {
  segmentationId: string;
  segments: Record<number, unknown>;
  representationData: { Labelmap?: HostLabelmapData };
}

/** The few members of the host's cornerstone (window.cornerstone, window.cornerstoneTools) the labelmap bridge uses. */
export interface HostCornerstone {
  getImage(imageId: string): HostImage | undefined;
  /** The imageIds of a cached volume, one per slice (cornerstone 2+ volumes are made of images). */
  getVolumeImageIds(volumeId: string): string[] | undefined;
  /** SOPInstanceUID of the image an imageId names, from the host's metadata providers. */
  sopInstanceUIDOf(imageId: string): string | undefined;
  getSegmentation(segmentationId: string): HostSegmentation | undefined;
  /** Tells the segmentation's representations (and OHIF) that voxels changed: they re-render. */
  triggerSegmentationDataModified(segmentationId: string): void;
}

/** Where the prebuilt OHIF viewer puts its cornerstone. */
export interface HostGlobals {
  cornerstone?: typeof CornerstoneCore;
  cornerstoneTools?: typeof CornerstoneTools;
}

/**
 * The host viewer's cornerstone, never a bundled copy (a second copy would split the segmentation
 * state in two). Typed by the npm packages pinned to the host's versions: if they change shape,
 * this file no longer compiles.
 */
export function hostCornerstone(scope: HostGlobals = globalThis as unknown as HostGlobals): HostCornerstone {
  const core = scope.cornerstone;
  const tools = scope.cornerstoneTools;
  if (!core?.cache || !core.metaData || !tools?.segmentation) {
    throw new LabelmapBridgeError('the viewer does not expose cornerstone (window.cornerstone and window.cornerstoneTools): SegQC cannot read or write labelmaps');
  }
  return {
    getImage: (imageId) => core.cache.getImage(imageId) as HostImage | undefined,
    getVolumeImageIds: (volumeId) => core.cache.getVolume(volumeId)?.imageIds,
    sopInstanceUIDOf(imageId) {
      const instance = core.metaData.get('instance', imageId) as { SOPInstanceUID?: unknown } | undefined;
      if (typeof instance?.SOPInstanceUID === 'string') return instance.SOPInstanceUID;
      const general = core.metaData.get('sopCommonModule', imageId) as { sopInstanceUID?: unknown } | undefined;
      return typeof general?.sopInstanceUID === 'string' ? general.sopInstanceUID : undefined;
    },
    getSegmentation: (segmentationId) => tools.segmentation.state.getSegmentation(segmentationId) as HostSegmentation | undefined,
    triggerSegmentationDataModified: (segmentationId) => tools.segmentation.triggerSegmentationEvents.triggerSegmentationDataModified(segmentationId),
  };
}
