/**
 * Where a viewer can show one annotation of a structure: a closed outline (POLYLINE, image
 * column\row pairs, 0\0 the top left corner of the top left pixel, PS3.3 C.18.6.1.2) on one
 * source image, written in the annotation's TID 1411 group as an extension item (TID 1411 is
 * extensible): a SCOORD named QC_CONCEPTS.displayRegion, SELECTED FROM the image. It is not a row
 * 5 "Image Region": the measurements are of the Referenced Segment, not of this rectangle.
 *
 * Why: OHIF 3.13 lists the measurements of a TID 1500 report only for a group that has a SCOORD
 * or SCOORD3D; a group with NUMs alone makes its SR loader fail (it reads coords[0] of a
 * measurement without coordinates, "Cannot read properties of undefined (reading
 * 'ReferencedSOPSequence')"), and it shows no label for a NUM that has children.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { checkUid, checkUnsignedShort } from '../dicom/vrChecks';
import { imageItem, itemPath, scoordItem } from './contentItem';
import { checkFinite } from './srValueChecks';
import { QC_CONCEPTS } from './qcCodes';
import { SR_CODES } from './templateCodes';

export interface DisplayRegionInit {
  image: { sopClassUid: string; sopInstanceUid: string; frameNumber?: number };
  /** Closed outline: column, row pairs, the last point equal to the first; at least 4 points. */
  outline: readonly number[];
}

export class DisplayRegion implements DisplayRegionInit {
  readonly image: Readonly<DisplayRegionInit['image']>;
  readonly outline: readonly number[];

  constructor(init: DisplayRegionInit, path = 'displayRegion') {
    if (init === null || typeof init !== 'object' || init.image === null || typeof init.image !== 'object') throw new DicomValueError(path, 'a display region needs an image and an outline');
    const regionPath = itemPath(path, QC_CONCEPTS.displayRegion);
    const imagePath = joinAttributePath(itemPath(regionPath, SR_CODES.SourceImage), 'ReferencedSOPSequence[0]');
    checkUid(init.image.sopClassUid, joinAttributePath(imagePath, 'ReferencedSOPClassUID'));
    checkUid(init.image.sopInstanceUid, joinAttributePath(imagePath, 'ReferencedSOPInstanceUID'));
    if (init.image.frameNumber !== undefined) checkUnsignedShort(init.image.frameNumber, joinAttributePath(imagePath, 'ReferencedFrameNumber'), { min: 1 });
    const dataPath = joinAttributePath(regionPath, 'GraphicData');
    const outline = init.outline;
    if (!Array.isArray(outline) || outline.length < 8 || outline.length % 2 !== 0) {
      throw new DicomValueError(dataPath, `a closed outline needs at least 4 column\\row pairs, got ${Array.isArray(outline) ? outline.length : 'no'} values`);
    }
    outline.forEach((value, n) => {
      checkFinite(value, `${dataPath}[${n}]`, { min: 0 });
      // GraphicData is FL: a value float32 cannot hold would not read back as written.
      if (Math.fround(value) !== value) throw new DicomValueError(`${dataPath}[${n}]`, `${value} is not exactly representable as a 32-bit float (FL); use e.g. pixel corners (integers) or halves`);
    });
    if (outline[0] !== outline[outline.length - 2] || outline[1] !== outline[outline.length - 1]) {
      throw new DicomValueError(dataPath, 'a closed POLYLINE ends at its first point (PS3.3 C.18.6.1.1)');
    }
    this.image = Object.freeze({ ...init.image });
    this.outline = Object.freeze([...outline]);
    Object.freeze(this);
  }

  /** The SCOORD content item (CONTAINS) with its SELECTED FROM image. */
  toItem(path: string): NaturalDataset {
    const image = { sopClassUid: this.image.sopClassUid, sopInstanceUid: this.image.sopInstanceUid, ...(this.image.frameNumber !== undefined ? { frameNumbers: [this.image.frameNumber] } : {}) };
    return scoordItem('CONTAINS', QC_CONCEPTS.displayRegion, 'POLYLINE', this.outline, path, [
      imageItem('SELECTED FROM', SR_CODES.SourceImage, image, itemPath(path, SR_CODES.SourceImage)),
    ]);
  }

  toInit(): DisplayRegionInit {
    return { image: { ...this.image }, outline: [...this.outline] };
  }

  static from(init: DisplayRegion | DisplayRegionInit, path?: string): DisplayRegion {
    return init instanceof DisplayRegion ? init : new DisplayRegion(init, path);
  }
}
