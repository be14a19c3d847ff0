/**
 * Standard concepts the QC report uses, as data: each from the PS3.16 template row or context
 * group it fills (checked against PS3.16 2025e through DCMTK's generated code lists and PixelMed's
 * context groups). SegQC's own concepts are in qcCodes.ts.
 */
import type { CodeInit } from '../dicom/CodedConcept';

const code = (value: string, scheme: string, meaning: string): CodeInit => Object.freeze({ value, scheme, meaning });

export const SR_CODES = Object.freeze({
  // TID 1500 Measurement Report
  /** Row 1, CID 7021: the document title. */
  ImagingMeasurementReport: code('126000', 'DCM', 'Imaging Measurement Report'),
  /** Row 4: Procedure reported, value from CID 100. */
  ProcedureReported: code('121058', 'DCM', 'Procedure reported'),
  /** Row 6: the container of the measurement groups. */
  ImagingMeasurements: code('126010', 'DCM', 'Imaging Measurements'),
  /** Row 12: document-level qualitative evaluations (CODE and TEXT, rows 13 and 14). */
  QualitativeEvaluations: code('C0034375', 'UMLS', 'Qualitative Evaluations'),

  // TID 1204 Language of Content Item and Descendants, value from CID 5000
  LanguageOfContent: code('121049', 'DCM', 'Language of Content Item and Descendants'),
  EnglishUnitedStates: code('en-US', 'RFC5646', 'English (United States)'),

  // TID 1002 Observer Context, CID 270 Observer Type
  ObserverType: code('121005', 'DCM', 'Observer Type'),
  Person: code('121006', 'DCM', 'Person'),
  Device: code('121007', 'DCM', 'Device'),
  // TID 1003 Person Observer Identifying Attributes
  PersonObserverName: code('121008', 'DCM', 'Person Observer Name'),
  PersonObserverLoginName: code('128774', 'DCM', "Person Observer's Login Name"),
  PersonObserverOrganizationName: code('121009', 'DCM', "Person Observer's Organization Name"),
  PersonObserverRoleInThisProcedure: code('121011', 'DCM', "Person Observer's Role in this Procedure"),
  // TID 1004 Device Observer Identifying Attributes
  DeviceObserverUid: code('121012', 'DCM', 'Device Observer UID'),
  DeviceObserverName: code('121013', 'DCM', 'Device Observer Name'),
  DeviceObserverManufacturer: code('121014', 'DCM', 'Device Observer Manufacturer'),
  DeviceObserverModelName: code('121015', 'DCM', 'Device Observer Model Name'),

  // TID 1600 Image Library, TID 1601 entry, TID 1602 descriptors
  ImageLibrary: code('111028', 'DCM', 'Image Library'),
  ImageLibraryGroup: code('126200', 'DCM', 'Image Library Group'),
  Modality: code('121139', 'DCM', 'Modality'),
  FrameOfReferenceUid: code('112227', 'DCM', 'Frame of Reference UID'),
  /** The concept name of an Image Library entry (as highdicom writes it). */
  Source: code('260753009', 'SCT', 'Source'),

  // TID 1411 Volumetric ROI Measurements and TID 1501 Measurement Group
  MeasurementGroup: code('125007', 'DCM', 'Measurement Group'),
  /** TID 4108 Tracking Identifier. */
  TrackingIdentifier: code('112039', 'DCM', 'Tracking Identifier'),
  TrackingUniqueIdentifier: code('112040', 'DCM', 'Tracking Unique Identifier'),
  FindingCategory: code('276214006', 'SCT', 'Finding category'),
  Finding: code('121071', 'DCM', 'Finding'),
  /** CID 244 modifiers (Right, Left) of a paired structure. */
  Laterality: code('272741003', 'SCT', 'Laterality'),
  TopographicalModifier: code('106233006', 'SCT', 'Topographical modifier'),
  ReferencedSegment: code('121191', 'DCM', 'Referenced Segment'),
  SourceSeriesForSegmentation: code('121232', 'DCM', 'Source series for segmentation'),
  /** The SELECTED FROM image of a SCOORD (as highdicom and OHIF write it). */
  SourceImage: code('121324', 'DCM', 'Source Image'),

  // TID 1419 / TID 300 measurements
  /** CID 7469 Generic Intensity and Size Measurements. */
  Volume: code('118565006', 'SCT', 'Volume'),
  /** CID 42 Numeric Value Qualifier: an undefined distance (a surface is empty), never written as 0. */
  NotANumber: code('114000', 'DCM', 'Not a number'),

  // TID 4019 Algorithm Identification
  AlgorithmName: code('111001', 'DCM', 'Algorithm Name'),
  AlgorithmVersion: code('111003', 'DCM', 'Algorithm Version'),
  AlgorithmParameters: code('111002', 'DCM', 'Algorithm Parameters'),
});

/** CID 7453 Performing Roles (PS3.16 2025e): the roles a SegQC observer has in the review. */
export const PERFORMING_ROLES = Object.freeze({
  reviewer: code('C54634', 'NCIt', 'Reviewer'),
  adjudicator: code('C96561', 'NCIt', 'Adjudicator'),
  reader: code('C28747', 'NCIt', 'Reader'),
});

/** CID 100 Quantitative Diagnostic Imaging Procedures, by the Modality of the source series. */
export const PROCEDURES_BY_MODALITY: Readonly<Record<string, CodeInit>> = Object.freeze({
  CT: code('25045-6', 'LN', 'CT unspecified body region'),
  MR: code('25056-3', 'LN', 'MRI unspecified body region'),
});
/** CID 100 for any other modality. */
export const IMAGING_PROCEDURE = code('363679005', 'SCT', 'Imaging procedure');

/** CID 29 Acquisition Modality (DCM codes are the Modality values), for the Image Library. */
export const MODALITY_CODES: Readonly<Record<string, CodeInit>> = Object.freeze({
  CT: code('CT', 'DCM', 'Computed Tomography'),
  MR: code('MR', 'DCM', 'Magnetic Resonance'),
  PT: code('PT', 'DCM', 'Positron emission tomography'),
  US: code('US', 'DCM', 'Ultrasound'),
});

/** UCUM units of the measurements (PS3.16 §8.3: UCUM code as value, case-sensitive). */
export const UCUM = Object.freeze({
  ratio: code('{ratio}', 'UCUM', 'ratio'),
  millimetre: code('mm', 'UCUM', 'millimeter'),
  millilitre: code('mL', 'UCUM', 'milliliter'),
});
