/** The Patient, Patient Study and General Study modules (PS3.3 C.7.1.1, C.7.2.2, C.7.2.1) shared by every image of a demo case. */
import type { NaturalDataset } from '@segqc/core';
import type { DemoCasePlan } from './cohort';
import { patientAge } from './patientAge';

export function patientAndStudyAttributes(plan: DemoCasePlan): NaturalDataset {
  return {
    PatientName: plan.PatientName,
    PatientID: plan.PatientID,
    PatientBirthDate: plan.PatientBirthDate,
    PatientSex: plan.PatientSex,
    PatientAge: patientAge(plan.PatientBirthDate, plan.StudyDate),
    StudyInstanceUID: plan.StudyInstanceUID,
    StudyDate: plan.StudyDate,
    StudyTime: plan.StudyTime,
    ReferringPhysicianName: '',
    StudyID: plan.StudyID,
    AccessionNumber: plan.AccessionNumber,
    StudyDescription: plan.StudyDescription,
  };
}
