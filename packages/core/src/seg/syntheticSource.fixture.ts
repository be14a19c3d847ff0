// Test fixture: a small axial source series on a known grid, with masks from analytic shapes.
// Slices are given head-first (descending z), as scanners usually store them, so that tests see
// the writer sort frames by position rather than by input order.
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import type { SegmentDescriptionInit } from './SegmentDescription';
import type { SourceImage } from './SourceImage';
import type { BinarySegInput } from './buildBinarySeg';
import { SCT } from '../codes/sct';

export interface SyntheticSeries {
  images: SourceImage[];
  rows: number;
  columns: number;
  slices: number;
  /** Patient coordinates (mm) of voxel (row, column, input slice). */
  world(row: number, column: number, slice: number): [number, number, number];
}

export interface SyntheticSeriesOptions {
  name?: string;
  rows?: number;
  columns?: number;
  slices?: number;
  /** PixelSpacing: [between rows, between columns] in mm. */
  spacing?: [number, number];
  thickness?: number;
  /** ImageOrientationPatient; axial by default. Slices step along −(row × column), head first for axial. */
  orientation?: [number, number, number, number, number, number];
  sopClassUID?: string;
}

export function syntheticSeries({
  name = 'fixture', rows = 24, columns = 20, slices = 12, spacing = [0.8, 0.7], thickness = 2, orientation = [1, 0, 0, 0, 1, 0], sopClassUID = SOP_CLASS.CtImageStorage,
}: SyntheticSeriesOptions = {}): SyntheticSeries {
  const origin = [-20.3, -30.1, 40];
  const row = orientation.slice(0, 3);
  const column = orientation.slice(3, 6);
  const normal = [row[1] * column[2] - row[2] * column[1], row[2] * column[0] - row[0] * column[2], row[0] * column[1] - row[1] * column[0]];
  // Rounded as a DS value would be, so that what is written is what the test expects.
  const at = (r: number, c: number, k: number): [number, number, number] =>
    [0, 1, 2].map((a) => round6(origin[a] + c * spacing[1] * row[a] + r * spacing[0] * column[a] - k * thickness * normal[a])) as [number, number, number];
  const seriesUid = uidFromName(`${name}/series`);
  const images: SourceImage[] = [];
  for (let k = 0; k < slices; k++) {
    images.push({
      SOPClassUID: sopClassUID,
      SOPInstanceUID: uidFromName(`${name}/image/${k}`),
      SeriesInstanceUID: seriesUid,
      ImagePositionPatient: at(0, 0, k),
      ImageOrientationPatient: [...orientation],
      PixelSpacing: [spacing[0], spacing[1]],
      SliceThickness: thickness,
      Rows: rows,
      Columns: columns,
      PatientName: 'Fixture^Patient',
      PatientID: 'FIX-001',
      PatientBirthDate: '19600101',
      PatientSex: 'F',
      StudyInstanceUID: uidFromName(`${name}/study`),
      StudyDate: '20240102',
      StudyTime: '101500',
      StudyID: 'S1',
      AccessionNumber: 'A1',
      ReferringPhysicianName: '',
      StudyDescription: 'Fixture study',
      FrameOfReferenceUID: uidFromName(`${name}/frame-of-reference`),
      PositionReferenceIndicator: '',
    });
  }
  return { images, rows, columns, slices, world: at };
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;

/** A mask from a predicate on patient coordinates. */
export function maskFrom(series: SyntheticSeries, inside: (x: number, y: number, z: number) => boolean): Uint8Array {
  const mask = new Uint8Array(series.rows * series.columns * series.slices);
  for (let k = 0; k < series.slices; k++)
    for (let r = 0; r < series.rows; r++)
      for (let c = 0; c < series.columns; c++) {
        const [x, y, z] = series.world(r, c, k);
        if (inside(x, y, z)) mask[(k * series.rows + r) * series.columns + c] = 1;
      }
  return mask;
}

export const fixtureSegments: SegmentDescriptionInit[] = [
  { segmentNumber: 1, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, algorithmType: 'MANUAL', color: [80, 160, 220] },
  { segmentNumber: 2, label: 'Lung nodule', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule, anatomicRegion: SCT.Lung, algorithmType: 'SEMIAUTOMATIC', algorithmName: 'SegQC brush', color: [240, 80, 60] },
  { segmentNumber: 3, label: 'Lesion', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Lesion, algorithmType: 'MANUAL', color: [250, 200, 40] },
];

/** A complete valid input: a ball (segment 1), a box (segment 2), nothing (segment 3). */
export function fixtureInput(series: SyntheticSeries): BinarySegInput {
  return {
    sourceImages: series.images,
    segments: fixtureSegments,
    frames: [
      { segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x + 14) ** 2 + (y + 22) ** 2 + (z - 30) ** 2 <= 36) },
      { segmentNumber: 2, mask: maskFrom(series, (x, y, z) => x > -8 && x < -5 && y > -25 && y < -22 && z > 23 && z < 28) },
      { segmentNumber: 3, mask: new Uint8Array(series.rows * series.columns * series.slices) },
    ],
    creator: { name: 'Rivera^Ana', login: 'arivera' },
    contentLabel: 'ANNOTATION',
    contentDescription: 'Fixture annotation',
    contentDate: '20240301',
    contentTime: '093000',
    seriesInstanceUID: uidFromName('fixture/seg-series'),
    sopInstanceUID: uidFromName('fixture/seg-instance'),
    seriesNumber: 300,
    seriesDescription: 'Fixture SEG',
    equipment: { manufacturerModelName: 'SegQC core', softwareVersions: '0.1.0', deviceSerialNumber: 'unit-test', institutionName: 'SegQC Test Hospital' },
  };
}
