/**
 * The patient and study the report belongs to, copied from the judged SEGs (or their source
 * images) so that the report sits in the same study and agrees with them (dcentvfy checks it):
 * Patient (PS3.3 C.7.1.1), General Study (C.7.2.1) and Patient Study (C.7.2.2) attributes, by
 * their DICOM keywords. Absent type 2 attributes are written empty.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import type { SourceImage } from '../seg/SourceImage';
import { checkDate, checkLongString, checkPersonName, checkShortString, checkTime, checkUid } from '../dicom/vrChecks';

/** The same patient and study attributes a SEG copies from its source images. */
export type ReportSubjectInit = Pick<
  SourceImage,
  | 'PatientName' | 'PatientID' | 'PatientBirthDate' | 'PatientSex' | 'PatientAge' | 'StudyInstanceUID' | 'StudyDate' | 'StudyTime'
  | 'StudyID' | 'AccessionNumber' | 'ReferringPhysicianName' | 'StudyDescription'
>;

const OPTIONAL_KEYS = ['PatientBirthDate', 'PatientSex', 'PatientAge', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber', 'ReferringPhysicianName', 'StudyDescription'] as const;
/** Type 2 attributes of the modules: present, empty when unknown. */
const TYPE_2 = ['PatientBirthDate', 'PatientSex', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber', 'ReferringPhysicianName'] as const;

export class ReportSubject {
  readonly init: Readonly<ReportSubjectInit>;

  constructor(init: ReportSubjectInit) {
    if (init === null || typeof init !== 'object') throw new DicomValueError('PatientID', 'the report needs its patient and study');
    if (init.PatientName !== '') checkPersonName(init.PatientName, 'PatientName');
    if (typeof init.PatientID !== 'string') throw new DicomValueError('PatientID', 'must be a string (LO, may be empty)');
    if (init.PatientID !== '') checkLongString(init.PatientID, 'PatientID');
    checkUid(init.StudyInstanceUID, 'StudyInstanceUID');
    if (init.PatientBirthDate !== undefined) checkDate(init.PatientBirthDate, 'PatientBirthDate');
    if (init.PatientSex !== undefined && !['M', 'F', 'O'].includes(init.PatientSex)) throw new DicomValueError('PatientSex', `"${init.PatientSex}" is not M, F or O`);
    if (init.PatientAge !== undefined && !/^\d{3}[DWMY]$/.test(init.PatientAge)) throw new DicomValueError('PatientAge', `"${init.PatientAge}" is not an age string nnnD/W/M/Y (AS)`);
    if (init.StudyDate !== undefined) checkDate(init.StudyDate, 'StudyDate');
    if (init.StudyTime !== undefined) checkTime(init.StudyTime, 'StudyTime');
    if (init.StudyID !== undefined) checkShortString(init.StudyID, 'StudyID');
    if (init.AccessionNumber !== undefined) checkShortString(init.AccessionNumber, 'AccessionNumber');
    if (init.ReferringPhysicianName !== undefined) checkPersonName(init.ReferringPhysicianName, 'ReferringPhysicianName');
    if (init.StudyDescription !== undefined) checkLongString(init.StudyDescription, 'StudyDescription');
    const copy: ReportSubjectInit = { PatientName: init.PatientName, PatientID: init.PatientID, StudyInstanceUID: init.StudyInstanceUID };
    for (const key of OPTIONAL_KEYS) if (init[key] !== undefined) copy[key] = init[key];
    this.init = Object.freeze(copy);
    Object.freeze(this);
  }

  /** The attributes, type 2 ones empty when unknown. */
  attributes(): NaturalDataset {
    const attributes: NaturalDataset = { PatientName: this.init.PatientName, PatientID: this.init.PatientID };
    for (const key of TYPE_2) attributes[key] = this.init[key] ?? '';
    for (const key of ['PatientAge', 'StudyDescription'] as const) if (this.init[key] !== undefined) attributes[key] = this.init[key];
    attributes['StudyInstanceUID'] = this.init.StudyInstanceUID;
    return attributes;
  }

  static from(init: ReportSubject | ReportSubjectInit): ReportSubject {
    return init instanceof ReportSubject ? init : new ReportSubject(init);
  }
}
