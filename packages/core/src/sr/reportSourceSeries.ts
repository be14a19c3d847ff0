/**
 * What the report needs of the source series the annotations were drawn on: its Image Library
 * group (TID 1600: series, modality, Frame of Reference, every image in slice order) and the image
 * of each slice of its grid (for the display regions).
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { SOP_CLASS } from '../dicom/sopClasses';
import type { SourceImage } from '../seg/SourceImage';
import { gridFromSourceImages, type SourceGridOptions } from '../volume/sourceGrid';
import type { SliceImages } from './displayRegionOfMasks';
import type { ImageLibraryGroupInit } from './ImageLibrary';

/** Modality (0008,0060) of the image SOP classes SegQC reads as sources. */
const MODALITY_OF_SOP_CLASS: Readonly<Record<string, string>> = Object.freeze({
  [SOP_CLASS.CtImageStorage]: 'CT',
  [SOP_CLASS.EnhancedCtImageStorage]: 'CT',
  [SOP_CLASS.MrImageStorage]: 'MR',
  [SOP_CLASS.EnhancedMrImageStorage]: 'MR',
});

export interface ReportSourceSeries {
  library: ImageLibraryGroupInit;
  sliceImages: SliceImages;
}

export function reportSourceSeries(images: readonly SourceImage[], options: SourceGridOptions = {}): ReportSourceSeries {
  const { sliceOrder } = gridFromSourceImages(images, options);
  const first = images[0];
  // Own properties only: the SOP class UID is the PACS's text ("constructor" is not a modality).
  const modality = Object.hasOwn(MODALITY_OF_SOP_CLASS, first.SOPClassUID) ? MODALITY_OF_SOP_CLASS[first.SOPClassUID] : undefined;
  if (modality === undefined) throw new DicomValueError('sourceImages[0].SOPClassUID', `${first.SOPClassUID} is not a CT or MR image SOP class`);
  const sliceImages = sliceOrder.map((n) => (n < 0 ? null : { sopClassUid: images[n].SOPClassUID, sopInstanceUid: images[n].SOPInstanceUID }));
  return {
    library: {
      seriesInstanceUid: first.SeriesInstanceUID,
      modality,
      frameOfReferenceUid: first.FrameOfReferenceUID,
      images: sliceImages.filter((image): image is NonNullable<typeof image> => image !== null),
    },
    sliceImages,
  };
}
