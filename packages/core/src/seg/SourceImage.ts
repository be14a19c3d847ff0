/**
 * What the SEG writer needs to know about each slice of the source series: its identity, its
 * place on the patient grid, and the patient/study attributes a derived object copies (PS3.3
 * C.7.1.1, C.7.2.1, C.7.4.1). Field names are the DICOM keywords.
 */
export interface SourceImage {
  SOPClassUID: string;
  SOPInstanceUID: string;
  SeriesInstanceUID: string;
  ImagePositionPatient: readonly number[];
  ImageOrientationPatient: readonly number[];
  /** Row spacing then column spacing, in mm. */
  PixelSpacing: readonly number[];
  SliceThickness?: number;
  Rows: number;
  Columns: number;
  PatientName: string;
  PatientID: string;
  PatientBirthDate?: string;
  PatientSex?: string;
  /** Patient Study module (optional): copied when given. */
  PatientAge?: string;
  StudyInstanceUID: string;
  StudyDate?: string;
  StudyTime?: string;
  StudyID?: string;
  AccessionNumber?: string;
  ReferringPhysicianName?: string;
  StudyDescription?: string;
  FrameOfReferenceUID: string;
  PositionReferenceIndicator?: string;
}
