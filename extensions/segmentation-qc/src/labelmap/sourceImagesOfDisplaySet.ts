import { gridFromSourceImages, sourceImageFromDataset, voxelToPatient, type SourceGrid, type SourceImage } from '@segqc/core';
import type { DisplaySet, InstanceMetadata } from '../services';
import { LabelmapBridgeError } from './LabelmapBridgeError';

/** One slice of the source grid and the names OHIF and cornerstone give its image. */
export interface GridSlice {
  /** Slice index k on the grid (voxel index = i + columns·(j + rows·k)). */
  k: number;
  sopInstanceUID: string;
  /** The cornerstone imageId of the image, as the viewport's stack names it. */
  imageId: string;
  /** Patient coordinates (mm) of the slice's centre: where a volume viewport jumps to. */
  centre: [number, number, number];
  /** InstanceNumber of the image, which OHIF's viewport overlay shows as "I:n"; null when it has none. */
  instanceNumber: number | null;
}

/** A CT/MR series as SegQC's voxel grid, with each slice tied to its image in the viewer. */
export interface SourceSeries {
  displaySetInstanceUID: string;
  /** In grid order: sourceImages[k] is slice k, so SEG masks (in sourceImages order) are grid order too. */
  sourceImages: SourceImage[];
  /** The grid; its sliceOrder is the identity since sourceImages are sorted. */
  sourceGrid: SourceGrid;
  /** slices[k] is slice k. */
  slices: GridSlice[];
}

/** OHIF sets imageId on each instance as a non-enumerable property once the series is known. */
function imageIdOf(instance: InstanceMetadata, n: number, displaySet: DisplaySet): string {
  const own = instance.imageId;
  if (typeof own === 'string' && own !== '') return own;
  const listed = displaySet.imageIds?.[n];
  if (typeof listed === 'string' && listed !== '' && displaySet.imageIds?.length === (displaySet.images ?? displaySet.instances)?.length) return listed;
  throw new LabelmapBridgeError(`image ${n + 1} of the series has no cornerstone imageId yet: the series must be loaded in the viewer first`);
}

/** InstanceNumber (IS: an integer, naturalized as a number or a string), parsed as OHIF's overlay does. */
function instanceNumberOf(instance: InstanceMetadata): number | null {
  const value = Number.parseInt(String(instance.InstanceNumber ?? ''), 10);
  return Number.isFinite(value) ? value : null;
}

/**
 * The source series of an OHIF display set (single-frame CT/MR images, naturalized metadata) as
 * SourceImages on their voxel grid, slices sorted along the normal by ImagePositionPatient the way
 * gridFromSourceImages does, each with its SOPInstanceUID and imageId. Throws a DicomValueError
 * or GeometryMismatchError naming the attribute when the series is not one regular stack.
 */
export function sourceImagesOfDisplaySet(displaySet: DisplaySet): SourceSeries {
  const instances = displaySet.images ?? displaySet.instances ?? [];
  if (instances.length === 0) throw new LabelmapBridgeError(`the series ${displaySet.SeriesInstanceUID} has no image metadata`);
  const unsorted = instances.map((instance, n) => ({
    image: sourceImageFromDataset(instance, `instances[${n}]`),
    imageId: imageIdOf(instance, n, displaySet),
    instanceNumber: instanceNumberOf(instance),
  }));
  const order = gridFromSourceImages(unsorted.map((entry) => entry.image)).sliceOrder;
  const sorted = order.map((n) => unsorted[n]);
  const sourceImages = sorted.map((entry) => entry.image);
  const sourceGrid = gridFromSourceImages(sourceImages);
  const { grid } = sourceGrid;
  const slices = sorted.map(({ image, imageId, instanceNumber }, k) => ({
    k,
    sopInstanceUID: image.SOPInstanceUID,
    imageId,
    centre: voxelToPatient(grid, (grid.columns - 1) / 2, (grid.rows - 1) / 2, k),
    instanceNumber,
  }));
  return { displaySetInstanceUID: displaySet.displaySetInstanceUID, sourceImages, sourceGrid, slices };
}
