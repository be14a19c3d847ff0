// The source series of the chest label volumes: one CT Image Storage file per slice (512 × 512,
// 16-bit, about 512 KB each), positions and spacing exactly the grid's, grey values from the
// labels (lung −850 HU, soft tissue 40 HU) so that the series looks like what it is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOP_CLASS, uidFromName, writePart10, type VoxelGrid } from '@segqc/core';

const RESCALE_INTERCEPT = -1024;

export function writeCtSeries(dir: string, grid: VoxelGrid, labels: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  const sliceVoxels = grid.columns * grid.rows;
  const study = uidFromName('segqc bench/study');
  const series = uidFromName('segqc bench/series');
  const frameOfReference = uidFromName('segqc bench/frame of reference');
  for (let k = 0; k < grid.slices; k++) {
    const pixels = new Uint16Array(sliceVoxels);
    for (let v = 0; v < sliceVoxels; v++) pixels[v] = (labels[k * sliceVoxels + v] === 1 || labels[k * sliceVoxels + v] === 2 ? -850 : 40) - RESCALE_INTERCEPT;
    const z = grid.origin[2] + k * grid.spacing[2];
    const dataset = {
      _vrMap: { PixelData: 'OW' },
      SOPClassUID: SOP_CLASS.CtImageStorage,
      SOPInstanceUID: uidFromName(`segqc bench/image/${k}`),
      PatientName: 'Bench^Chest', PatientID: 'BENCH-001', PatientBirthDate: '19600101', PatientSex: 'F',
      StudyInstanceUID: study, StudyDate: '20240102', StudyTime: '101500', StudyID: '1', AccessionNumber: 'BENCH1',
      ReferringPhysicianName: '', StudyDescription: 'CT chest',
      Modality: 'CT', SeriesInstanceUID: series, SeriesNumber: 2, SeriesDescription: 'Chest 1.25 mm',
      FrameOfReferenceUID: frameOfReference, PositionReferenceIndicator: '',
      Manufacturer: 'SegQC bench', InstanceNumber: k + 1, ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      PixelSpacing: [grid.spacing[1], grid.spacing[0]], ImageOrientationPatient: [...grid.rowDirection, ...grid.columnDirection],
      ImagePositionPatient: [grid.origin[0], grid.origin[1], z], SliceThickness: grid.spacing[2], SliceLocation: z,
      SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2', Rows: grid.rows, Columns: grid.columns,
      BitsAllocated: 16, BitsStored: 12, HighBit: 11, PixelRepresentation: 0,
      RescaleIntercept: RESCALE_INTERCEPT, RescaleSlope: 1, RescaleType: 'HU', KVP: 120,
      PixelData: [pixels.buffer],
    };
    writeFileSync(join(dir, `${String(k + 1).padStart(4, '0')}.dcm`), writePart10(dataset));
  }
}
