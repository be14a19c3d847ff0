/**
 * TID 1600 Image Library: the source images the judged segmentations were drawn on, one Image
 * Library Group per source series with its Modality and Frame of Reference (TID 1602, HAS ACQ
 * CONTEXT), each image a TID 1601 entry (IMAGE "Source"). The report always has one: OHIF reads
 * the library of a TID 1500 report for the images it refers to.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { checkRequiredCodeString, checkUid } from '../dicom/vrChecks';
import { codeItem, containerItem, imageItem, itemPath, uidrefItem } from './contentItem';
import { MODALITY_CODES, SR_CODES } from './templateCodes';

export interface LibraryImageInit {
  sopClassUid: string;
  sopInstanceUid: string;
}

export interface ImageLibraryGroupInit {
  seriesInstanceUid: string;
  /** Modality of the series, e.g. CT, MR. */
  modality: string;
  frameOfReferenceUid?: string;
  images: readonly LibraryImageInit[];
}

export const IMAGE_LIBRARY_PATH = itemPath('', SR_CODES.ImageLibrary);

export class ImageLibrary {
  readonly groups: readonly Readonly<ImageLibraryGroupInit>[];

  constructor(groups: readonly ImageLibraryGroupInit[], path = IMAGE_LIBRARY_PATH) {
    if (!Array.isArray(groups) || groups.length === 0) throw new DicomValueError(path, 'the report needs an Image Library with at least one source series (OHIF reads it)');
    const seen = new Set<string>();
    this.groups = Object.freeze(groups.map((group: ImageLibraryGroupInit, g: number): Readonly<ImageLibraryGroupInit> => {
      const groupPath = itemPath(path, SR_CODES.ImageLibraryGroup, g);
      if (group === null || typeof group !== 'object') throw new DicomValueError(groupPath, 'a library group needs its series, modality and images');
      checkUid(group.seriesInstanceUid, `${groupPath}(series).SeriesInstanceUID`);
      checkRequiredCodeString(group.modality, joinAttributePath(itemPath(groupPath, SR_CODES.Modality), 'ConceptCodeSequence[0].CodeValue'));
      if (!Object.hasOwn(MODALITY_CODES, group.modality)) throw new DicomValueError(joinAttributePath(itemPath(groupPath, SR_CODES.Modality), 'ConceptCodeSequence[0]'), `modality ${group.modality} is not one SegQC codes (${Object.keys(MODALITY_CODES).join(', ')})`);
      if (group.frameOfReferenceUid !== undefined) checkUid(group.frameOfReferenceUid, joinAttributePath(itemPath(groupPath, SR_CODES.FrameOfReferenceUid), 'UID'));
      if (!Array.isArray(group.images) || group.images.length === 0) throw new DicomValueError(groupPath, `series ${group.seriesInstanceUid} lists no image`);
      const images = group.images.map((image: LibraryImageInit, n: number) => {
        const at = joinAttributePath(itemPath(groupPath, SR_CODES.Source, n), 'ReferencedSOPSequence[0]');
        checkUid(image?.sopClassUid, joinAttributePath(at, 'ReferencedSOPClassUID'));
        checkUid(image.sopInstanceUid, joinAttributePath(at, 'ReferencedSOPInstanceUID'));
        if (seen.has(image.sopInstanceUid)) throw new DicomValueError(joinAttributePath(at, 'ReferencedSOPInstanceUID'), `${image.sopInstanceUid} is listed twice`);
        seen.add(image.sopInstanceUid);
        return Object.freeze({ sopClassUid: image.sopClassUid, sopInstanceUid: image.sopInstanceUid });
      });
      return Object.freeze({ seriesInstanceUid: group.seriesInstanceUid, modality: group.modality, ...(group.frameOfReferenceUid !== undefined ? { frameOfReferenceUid: group.frameOfReferenceUid } : {}), images: Object.freeze(images) });
    }));
    Object.freeze(this);
  }

  /** The library container (CONTAINS, TID 1500 row 5). */
  toItem(path = IMAGE_LIBRARY_PATH): NaturalDataset {
    const groups = this.groups.map((group, g) => {
      const groupPath = itemPath(path, SR_CODES.ImageLibraryGroup, g);
      const descriptors = [codeItem('HAS ACQ CONTEXT', SR_CODES.Modality, MODALITY_CODES[group.modality], itemPath(groupPath, SR_CODES.Modality))];
      if (group.frameOfReferenceUid !== undefined) descriptors.push(uidrefItem('HAS ACQ CONTEXT', SR_CODES.FrameOfReferenceUid, group.frameOfReferenceUid, itemPath(groupPath, SR_CODES.FrameOfReferenceUid)));
      const entries = group.images.map((image, n) => imageItem('CONTAINS', SR_CODES.Source, image, itemPath(groupPath, SR_CODES.Source, n)));
      return containerItem('CONTAINS', SR_CODES.ImageLibraryGroup, [...descriptors, ...entries], groupPath);
    });
    return containerItem('CONTAINS', SR_CODES.ImageLibrary, groups, path);
  }

  toInit(): ImageLibraryGroupInit[] {
    return this.groups.map((group) => ({ ...group, images: group.images.map((image) => ({ ...image })) }));
  }
}
