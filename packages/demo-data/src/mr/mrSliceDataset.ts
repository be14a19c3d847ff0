/**
 * The MR Image Storage dataset (PS3.3 A.4) of one slice of a demo brain series, with the
 * acquisition parameters of its sequence (SE T1, TSE T2, IR-TSE FLAIR) as a 3 T scanner records them.
 */
import { SOP_CLASS, type NaturalDataset } from '@segqc/core';
import { DEMO_INSTITUTION } from '../cohort/annotators';
import type { DemoCasePlan, DemoSeriesPlan, MrSequence } from '../cohort/cohort';
import { SCANNER } from '../cohort/demoEquipment';
import { demoUid } from '../cohort/demoUid';
import { patientAndStudyAttributes } from '../cohort/patientAndStudyAttributes';
import { addSeconds } from '../cohort/dates';
import { BRAIN_GRID, brainZ } from './brainGrid';

/** Acquisition parameters per sequence, as data. */
export const MR_SEQUENCES: Readonly<Record<MrSequence, NaturalDataset & { offsetSeconds: number }>> = Object.freeze({
  T1: {
    offsetSeconds: 60,
    ScanningSequence: 'SE', SequenceVariant: 'NONE', ScanOptions: '', SequenceName: '*se2d1',
    RepetitionTime: 500, EchoTime: 10, EchoTrainLength: 1, FlipAngle: 90, NumberOfAverages: 1,
    PercentSampling: 100, PercentPhaseFieldOfView: 100, PixelBandwidth: 150, AcquisitionMatrix: [0, 256, 192, 0],
    WindowCenter: 700, WindowWidth: 1400,
  },
  T2: {
    offsetSeconds: 300,
    ScanningSequence: 'SE', SequenceVariant: ['SK', 'SP'], ScanOptions: '', SequenceName: '*tse2d1_15',
    RepetitionTime: 4000, EchoTime: 100, EchoTrainLength: 15, FlipAngle: 150, NumberOfAverages: 2,
    PercentSampling: 100, PercentPhaseFieldOfView: 100, PixelBandwidth: 190, AcquisitionMatrix: [0, 256, 205, 0],
    WindowCenter: 1000, WindowWidth: 2000,
  },
  FLAIR: {
    offsetSeconds: 540,
    ScanningSequence: ['IR', 'SE'], SequenceVariant: ['SK', 'SP', 'MP'], ScanOptions: '', SequenceName: '*tir2d1_16',
    RepetitionTime: 9000, EchoTime: 120, InversionTime: 2500, EchoTrainLength: 16, FlipAngle: 150, NumberOfAverages: 1,
    PercentSampling: 100, PercentPhaseFieldOfView: 100, PixelBandwidth: 220, AcquisitionMatrix: [0, 256, 192, 0],
    WindowCenter: 800, WindowWidth: 1600,
  },
});

export function mrSliceDataset(plan: DemoCasePlan, series: DemoSeriesPlan, slice: number, pixels: Uint16Array): NaturalDataset {
  if (!series.sequence) throw new Error(`series ${series.folder} of ${plan.caseId} has no MR sequence`);
  const { offsetSeconds, ...sequence } = MR_SEQUENCES[series.sequence];
  const z = brainZ(slice);
  const acquisitionTime = addSeconds(plan.StudyTime, offsetSeconds);
  return {
    _vrMap: { PixelData: 'OW' },
    SOPClassUID: SOP_CLASS.MrImageStorage,
    SOPInstanceUID: demoUid(`${plan.caseId}/series/${series.folder}/instance/${slice + 1}`),
    ...patientAndStudyAttributes(plan),
    Modality: 'MR',
    SeriesInstanceUID: series.SeriesInstanceUID,
    SeriesNumber: series.SeriesNumber,
    SeriesDate: plan.StudyDate,
    SeriesTime: acquisitionTime,
    SeriesDescription: series.SeriesDescription,
    ProtocolName: `Brain MS protocol ${series.SeriesDescription}`,
    BodyPartExamined: 'HEAD',
    PatientPosition: 'HFS',
    FrameOfReferenceUID: plan.FrameOfReferenceUID,
    PositionReferenceIndicator: '',
    ...SCANNER.MR,
    InstitutionName: DEMO_INSTITUTION,
    AcquisitionNumber: 1,
    AcquisitionDate: plan.StudyDate,
    AcquisitionTime: acquisitionTime,
    InstanceNumber: slice + 1,
    ContentDate: plan.StudyDate,
    ContentTime: acquisitionTime,
    ImageType: ['ORIGINAL', 'PRIMARY', 'OTHER'],
    BurnedInAnnotation: 'NO',
    PixelSpacing: [BRAIN_GRID.pixelSpacing, BRAIN_GRID.pixelSpacing],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    ImagePositionPatient: [BRAIN_GRID.x0, BRAIN_GRID.y0, z],
    SliceThickness: BRAIN_GRID.sliceThickness,
    SpacingBetweenSlices: BRAIN_GRID.sliceThickness,
    SliceLocation: z,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: BRAIN_GRID.rows,
    Columns: BRAIN_GRID.columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    // MR Image module
    MRAcquisitionType: '2D',
    MagneticFieldStrength: 3,
    ImagingFrequency: 127.74,
    ImagedNucleus: '1H',
    EchoNumbers: 1,
    AngioFlag: 'N',
    NumberOfPhaseEncodingSteps: 192,
    InPlanePhaseEncodingDirection: 'ROW',
    ReceiveCoilName: 'HEAD 32',
    TransmitCoilName: 'BODY',
    ...sequence,
    PixelData: [pixels.slice().buffer],
  };
}
