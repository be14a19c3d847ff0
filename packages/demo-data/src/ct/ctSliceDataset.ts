/**
 * The CT Image Storage dataset (PS3.3 A.3) of one slice of a demo chest: every type 1 and 2
 * attribute of its modules, plus the usual acquisition details.
 */
import { SOP_CLASS, type NaturalDataset } from '@segqc/core';
import { DEMO_INSTITUTION } from '../cohort/annotators';
import type { DemoCasePlan } from '../cohort/cohort';
import { SCANNER } from '../cohort/demoEquipment';
import { demoUid } from '../cohort/demoUid';
import { addSeconds } from '../cohort/dates';
import { patientAndStudyAttributes } from '../cohort/patientAndStudyAttributes';
import { CHEST_GRID, chestZ } from './chestGrid';
import { CT_RESCALE_INTERCEPT } from './renderChestCt';

export function ctSliceDataset(plan: DemoCasePlan, slice: number, pixels: Uint16Array): NaturalDataset {
  const series = plan.series[0];
  const z = chestZ(slice);
  const acquisitionTime = addSeconds(plan.StudyTime, 95);
  return {
    _vrMap: { PixelData: 'OW' },
    // SOP Common
    SOPClassUID: SOP_CLASS.CtImageStorage,
    SOPInstanceUID: demoUid(`${plan.caseId}/series/${series.folder}/instance/${slice + 1}`),
    ...patientAndStudyAttributes(plan),
    // General Series
    Modality: 'CT',
    SeriesInstanceUID: series.SeriesInstanceUID,
    SeriesNumber: series.SeriesNumber,
    SeriesDate: plan.StudyDate,
    SeriesTime: acquisitionTime,
    SeriesDescription: series.SeriesDescription,
    ProtocolName: 'Chest routine non-contrast',
    BodyPartExamined: 'CHEST',
    PatientPosition: 'HFS',
    // Frame of Reference
    FrameOfReferenceUID: plan.FrameOfReferenceUID,
    PositionReferenceIndicator: '',
    // General Equipment
    ...SCANNER.CT,
    InstitutionName: DEMO_INSTITUTION,
    // General Acquisition, General Image
    AcquisitionNumber: 1,
    AcquisitionDate: plan.StudyDate,
    AcquisitionTime: acquisitionTime,
    InstanceNumber: slice + 1,
    ContentDate: plan.StudyDate,
    ContentTime: acquisitionTime,
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    BurnedInAnnotation: 'NO',
    // Image Plane
    PixelSpacing: [CHEST_GRID.pixelSpacing, CHEST_GRID.pixelSpacing],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    ImagePositionPatient: [CHEST_GRID.x0, CHEST_GRID.y0, z],
    SliceThickness: CHEST_GRID.sliceThickness,
    SliceLocation: z,
    // Image Pixel + CT Image
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: CHEST_GRID.rows,
    Columns: CHEST_GRID.columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    RescaleIntercept: CT_RESCALE_INTERCEPT,
    RescaleSlope: 1,
    RescaleType: 'HU',
    KVP: 120,
    ScanOptions: 'HELICAL MODE',
    DataCollectionDiameter: 500,
    ReconstructionDiameter: CHEST_GRID.columns * CHEST_GRID.pixelSpacing,
    DistanceSourceToDetector: 1085.6,
    DistanceSourceToPatient: 595,
    GantryDetectorTilt: 0,
    TableHeight: 160,
    RotationDirection: 'CW',
    ExposureTime: 500,
    XRayTubeCurrent: 180,
    Exposure: 90,
    FilterType: 'BODY FILTER',
    GeneratorPower: 22,
    FocalSpots: [1.2],
    ConvolutionKernel: 'STANDARD',
    RevolutionTime: 0.5,
    SingleCollimationWidth: 0.625,
    TotalCollimationWidth: 40,
    TableSpeed: 78.75,
    TableFeedPerRotation: 39.375,
    SpiralPitchFactor: 0.984375,
    CTDIvol: 8.2,
    CTDIPhantomTypeCodeSequence: [{ CodeValue: '113691', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Body Dosimetry Phantom' }],
    // VOI LUT
    WindowCenter: [-600, 40],
    WindowWidth: [1500, 400],
    WindowCenterWidthExplanation: ['LUNG', 'MEDIASTINUM'],
    PixelData: [pixels.slice().buffer],
  };
}

