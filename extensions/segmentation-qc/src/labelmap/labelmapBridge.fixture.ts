// Test fixture: a small axial CT display set as OHIF holds it (naturalized instances, imageId as a
// non-enumerable property, stored head first so that grid order ≠ instance order), and a fake of
// the host's cornerstone holding labelmap segmentations in its cache, as cornerstone-tools 5.6 does.
import type { DisplaySet, InstanceMetadata } from '../services';
import type { HostCornerstone, HostImage, HostLabelmapData, HostSegmentation } from './hostCornerstone';

export const ROWS = 4;
export const COLUMNS = 5;
export const SLICES = 6;
export const PIXELS = ROWS * COLUMNS;

const sopOf = (n: number) => `2.25.100${n}`;
export const imageIdOf = (n: number) => `wadors:/dicom-web/studies/2.25.1/series/2.25.2/instances/${sopOf(n)}/frames/1`;

/** Instance n lies at z = −2.5·n: stored head first, so grid slice k is instance SLICES − 1 − k. */
export function ctDisplaySet(options: { withImageIds?: boolean } = {}): DisplaySet {
  const instances: InstanceMetadata[] = Array.from({ length: SLICES }, (_, n) => {
    const instance: InstanceMetadata = {
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
      SOPInstanceUID: sopOf(n),
      InstanceNumber: n + 1,
      SeriesInstanceUID: '2.25.2',
      StudyInstanceUID: '2.25.1',
      FrameOfReferenceUID: '2.25.3',
      ImagePositionPatient: [-10, -20, -2.5 * n],
      ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      PixelSpacing: [0.5, 0.5],
      SliceThickness: 2.5,
      Rows: ROWS,
      Columns: COLUMNS,
      PatientName: [{ Alphabetic: 'Phantom^Chest' }],
      PatientID: 'P1',
    };
    if (options.withImageIds !== false) Object.defineProperty(instance, 'imageId', { value: imageIdOf(n), enumerable: false });
    return instance;
  });
  return { displaySetInstanceUID: 'ds-ct', SeriesInstanceUID: '2.25.2', StudyInstanceUID: '2.25.1', Modality: 'CT', instances, images: instances };
}

/** The grid slice of instance n (see ctDisplaySet). */
export const sliceOfInstance = (n: number) => SLICES - 1 - n;

export interface FakeCornerstone extends HostCornerstone {
  images: Map<string, HostImage & { pixels: Uint8Array }>;
  segmentations: Map<string, HostSegmentation>;
  modified: string[];
  /** Adds a stack layer derived from the given instances, in the given order; returns its image ids. */
  addStackLayer(segmentationId: string, labelmapId: string, instances: number[]): string[];
}

export function fakeCornerstone(): FakeCornerstone {
  const images = new Map<string, HostImage & { pixels: Uint8Array }>();
  const segmentations = new Map<string, HostSegmentation>();
  const modified: string[] = [];
  return {
    images,
    segmentations,
    modified,
    getImage: (imageId) => images.get(imageId),
    getVolumeImageIds: () => undefined,
    sopInstanceUIDOf: (imageId) => /instances\/([0-9.]+)/.exec(imageId)?.[1],
    getSegmentation: (segmentationId) => segmentations.get(segmentationId),
    triggerSegmentationDataModified: (segmentationId) => void modified.push(segmentationId),
    addStackLayer(segmentationId, labelmapId, instances) {
      const imageIds = instances.map((n) => `derived:${labelmapId}:${n}`);
      instances.forEach((n, m) => {
        const pixels = new Uint8Array(PIXELS);
        images.set(imageIds[m], {
          imageId: imageIds[m],
          referencedImageId: imageIdOf(n),
          rows: ROWS,
          columns: COLUMNS,
          pixels,
          voxelManager: { getScalarData: () => pixels, setAtIndex: (index, value) => void (pixels[index] = value) },
        });
      });
      const segmentation = segmentations.get(segmentationId) ?? { segmentationId, segments: {}, representationData: { Labelmap: { labelmaps: {} } } };
      const data = segmentation.representationData.Labelmap as HostLabelmapData;
      data.labelmaps![labelmapId] = { labelmapId, imageIds, referencedImageIds: instances.map(imageIdOf) };
      data.primaryLabelmapId ??= labelmapId;
      segmentations.set(segmentationId, segmentation);
      return imageIds;
    },
  };
}
