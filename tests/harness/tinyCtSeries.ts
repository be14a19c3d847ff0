import { SOP_CLASS, uidFromName, writePart10 } from '@segqc/core';

/**
 * A series of 4×4 CT slices (PS3.3 A.3 type 1 and 2 attributes): many distinct, small, valid
 * instances for tests that write to a PACS. UIDs derive from `name`, so each test has its own study.
 */
export function tinyCtSeries(name: string) {
  const studyInstanceUID = uidFromName(`segqc-test/${name}/study`);
  const seriesInstanceUID = uidFromName(`segqc-test/${name}/series`);
  const sopInstanceUID = (n: number) => uidFromName(`segqc-test/${name}/instance/${n}`);
  const slice = (n: number): Uint8Array =>
    writePart10({
      _vrMap: { PixelData: 'OW' },
      SOPClassUID: SOP_CLASS.CtImageStorage,
      SOPInstanceUID: sopInstanceUID(n),
      StudyInstanceUID: studyInstanceUID,
      SeriesInstanceUID: seriesInstanceUID,
      PatientID: `TEST-${name}`.slice(0, 64),
      PatientName: 'Test^Stow',
      Modality: 'CT',
      InstanceNumber: n + 1,
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      ImagePositionPatient: [0, 0, n],
      ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      PixelSpacing: [1, 1],
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      Rows: 4,
      Columns: 4,
      BitsAllocated: 16,
      BitsStored: 12,
      HighBit: 11,
      PixelRepresentation: 0,
      RescaleIntercept: -1024,
      RescaleSlope: 1,
      PixelData: [new Uint16Array(16).fill(1024 + n).buffer],
    });
  return { studyInstanceUID, seriesInstanceUID, sopInstanceUID, slice };
}
