/**
 * The source series of a SEG as SourceImages: what the grid (gridFromSourceImages) and the SEG
 * writer need from each single-frame CT/MR image (PS3.3 C.7.6.2 Image Plane, C.7.6.3 Image Pixel,
 * C.7.1.1 Patient, C.7.2.1 General Study, C.7.4.1 Frame of Reference). Pixel data is not read.
 */
import { DicomValueError, joinAttributePath } from '../../dicom/DicomValueError';
import type { NaturalDataset } from '../../dicom/NaturalDataset';
import type { SourceImage } from '../SourceImage';
import {
  optionalNumber, optionalPersonName, optionalString, requireInteger, requireNumbers, requireString,
} from './datasetValues';
import { naturalizeDataset } from './naturalize';
import { parseDicomFile } from './parseDicomFile';

/**
 * A SourceImage from a naturalized dataset (ours or dcmjs's). `path` prefixes attribute paths in
 * errors, e.g. `files[3]`. Throws a DicomValueError naming what is missing or invalid.
 */
export function sourceImageFromDataset(dataset: NaturalDataset, path = ''): SourceImage {
  try {
    const frames = optionalNumber(dataset, 'NumberOfFrames', path);
    if (frames !== undefined && frames > 1) {
      throw new DicomValueError(joinAttributePath(path, 'NumberOfFrames'), `is ${frames}: multi-frame (enhanced) images are not supported as source images, one file per slice is`);
    }
    const pixelSpacing = requireNumbers(dataset, 'PixelSpacing', 2, path);
    if (!(pixelSpacing[0] > 0 && pixelSpacing[1] > 0)) throw new DicomValueError(joinAttributePath(path, 'PixelSpacing'), `must be positive, got ${pixelSpacing.join('\\')}`);
    const image: SourceImage = {
      SOPClassUID: requireString(dataset, 'SOPClassUID', path),
      SOPInstanceUID: requireString(dataset, 'SOPInstanceUID', path),
      SeriesInstanceUID: requireString(dataset, 'SeriesInstanceUID', path),
      ImagePositionPatient: requireNumbers(dataset, 'ImagePositionPatient', 3, path),
      ImageOrientationPatient: requireNumbers(dataset, 'ImageOrientationPatient', 6, path),
      PixelSpacing: pixelSpacing,
      Rows: requireInteger(dataset, 'Rows', path, 1, 0xffff),
      Columns: requireInteger(dataset, 'Columns', path, 1, 0xffff),
      PatientName: optionalPersonName(dataset, 'PatientName') ?? '',
      PatientID: optionalString(dataset, 'PatientID') ?? '',
      StudyInstanceUID: requireString(dataset, 'StudyInstanceUID', path),
      FrameOfReferenceUID: requireString(dataset, 'FrameOfReferenceUID', path, 'is required: positions are only comparable within one Frame of Reference'),
    };
    const thickness = optionalNumber(dataset, 'SliceThickness', path);
    if (thickness !== undefined && thickness > 0) image.SliceThickness = thickness;
    for (const keyword of ['PatientBirthDate', 'PatientSex', 'PatientAge', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber', 'StudyDescription', 'PositionReferenceIndicator'] as const) {
      const value = optionalString(dataset, keyword);
      if (value !== undefined) image[keyword] = value;
    }
    const referringPhysician = optionalPersonName(dataset, 'ReferringPhysicianName');
    if (referringPhysician !== undefined) image.ReferringPhysicianName = referringPhysician;
    return image;
  } catch (error) {
    // The checks are shared with the SEG reader; for a source image they are plain value errors.
    if (error instanceof DicomValueError && error.name !== 'DicomValueError') throw new DicomValueError(error.attributePath, error.reason);
    throw error;
  }
}

/** The SourceImage of each Part 10 file; errors name the file as `files[i]`. */
export function readSourceImages(files: readonly Uint8Array[]): SourceImage[] {
  return files.map((bytes, i) => {
    const path = `files[${i}]`;
    let dataset: NaturalDataset;
    try {
      dataset = naturalizeDataset(parseDicomFile(bytes, { stopAtPixelData: true }));
    } catch (error) {
      if (error instanceof DicomValueError) {
        throw new DicomValueError(error.attributePath === '(file)' ? path : joinAttributePath(path, error.attributePath), error.reason);
      }
      throw error;
    }
    return sourceImageFromDataset(dataset, path);
  });
}
