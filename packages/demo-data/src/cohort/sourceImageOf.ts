/** The SEG writer's view of a source image, taken from the very dataset written for it. */
import type { NaturalDataset, SourceImage } from '@segqc/core';

export function sourceImageOf(dataset: NaturalDataset): SourceImage {
  const text = (keyword: string): string => String(dataset[keyword] ?? '');
  const numbers = (keyword: string): number[] => (dataset[keyword] as number[]).map(Number);
  return {
    SOPClassUID: text('SOPClassUID'),
    SOPInstanceUID: text('SOPInstanceUID'),
    SeriesInstanceUID: text('SeriesInstanceUID'),
    ImagePositionPatient: numbers('ImagePositionPatient'),
    ImageOrientationPatient: numbers('ImageOrientationPatient'),
    PixelSpacing: numbers('PixelSpacing'),
    SliceThickness: Number(dataset['SliceThickness']),
    Rows: Number(dataset['Rows']),
    Columns: Number(dataset['Columns']),
    PatientName: text('PatientName'),
    PatientID: text('PatientID'),
    PatientBirthDate: text('PatientBirthDate'),
    PatientSex: text('PatientSex'),
    ...(dataset['PatientAge'] ? { PatientAge: text('PatientAge') } : {}),
    StudyInstanceUID: text('StudyInstanceUID'),
    StudyDate: text('StudyDate'),
    StudyTime: text('StudyTime'),
    StudyID: text('StudyID'),
    AccessionNumber: text('AccessionNumber'),
    ReferringPhysicianName: text('ReferringPhysicianName'),
    StudyDescription: text('StudyDescription'),
    FrameOfReferenceUID: text('FrameOfReferenceUID'),
    PositionReferenceIndicator: text('PositionReferenceIndicator'),
  };
}
