/**
 * The QC report as a Comprehensive 3D SR (SOP class 1.2.840.10008.5.1.4.1.1.88.34, PS3.3 A.35.13)
 * following TID 1500 Measurement Report: root (126000, DCM, "Imaging Measurement Report"),
 * language (TID 1204), observer context (TID 1001/1002), procedure reported (CID 100), Image
 * Library (TID 1600), Imaging Measurements with one TID 1411 group per annotation of each structure
 * (and its TID 1501 display group), and Qualitative Evaluations with how the person observer's
 * identity is known (authenticated, with issuer and subject, or self-declared: QcObserver), the SOP
 * and its checklist.
 *
 * Comprehensive 3D SR because it is what OHIF 3.13 itself writes for TID 1500 (dcmjs) and what
 * highdicom writes: OHIF's dicom-sr extension opens .88.22, .88.33 and .88.34 alike.
 */
import { segqcCodingSchemeIdentification } from '../codes/segqcScheme';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { writePart10 } from '../dicom/part10';
import { SOP_CLASS } from '../dicom/sopClasses';
import { specificCharacterSetFor } from '../dicom/specificCharacterSet';
import { uidFromName } from '../dicom/uid';
import { codeItem, containerItem, itemPath, textItem, uidrefItem } from './contentItem';
import { OBSERVER_CONTEXT_PATH } from './QcObserver';
import { QC_CONCEPTS } from './qcCodes';
import { QcReport, type QcReportInit } from './QcReport';
import { IMAGING_PROCEDURE, PROCEDURES_BY_MODALITY, SR_CODES } from './templateCodes';

export const QC_REPORT_SOP_CLASS_UID = SOP_CLASS.Comprehensive3dSrStorage;
export const QC_REPORT_SERIES_DESCRIPTION = 'SegQC quality control report';
export const SEGQC_MANUFACTURER_NAME = 'SegQC';
/** The device observer when no person is named: SegQC's engine (TID 1004). */
export const SEGQC_DEVICE_OBSERVER_UID = uidFromName('SegQC device observer');

/** The series of SegQC's QC reports of a study: every report and revision of the study joins it (OHIF shows its newest). */
export function qcReportSeriesUid(studyInstanceUid: string): string {
  return uidFromName(`SegQC QC reports of ${studyInstanceUid}`);
}

const IMAGING_MEASUREMENTS_PATH = itemPath('', SR_CODES.ImagingMeasurements);
const groupPath = (n: number) => itemPath(IMAGING_MEASUREMENTS_PATH, SR_CODES.MeasurementGroup, n);

/** The report as a naturalized dataset for writePart10. */
export function buildQcReport(input: QcReport | QcReportInit): NaturalDataset {
  const report = QcReport.from(input);
  const verified = report.verification !== undefined;
  const dataset: NaturalDataset = {
    // SOP Common
    SOPClassUID: QC_REPORT_SOP_CLASS_UID,
    SOPInstanceUID: report.sopInstanceUid,
    InstanceCreationDate: report.contentDate,
    InstanceCreationTime: report.contentTime,
    CodingSchemeIdentificationSequence: [segqcCodingSchemeIdentification()],
    // Patient, General Study, Patient Study
    ...report.subject.attributes(),
    // SR Document Series
    Modality: 'SR',
    SeriesInstanceUID: report.seriesInstanceUid,
    SeriesNumber: report.seriesNumber,
    SeriesDescription: QC_REPORT_SERIES_DESCRIPTION,
    ReferencedPerformedProcedureStepSequence: [],
    // General Equipment
    Manufacturer: SEGQC_MANUFACTURER_NAME,
    ManufacturerModelName: report.algorithm.name,
    SoftwareVersions: report.algorithm.version,
    // SR Document General
    InstanceNumber: report.instanceNumber,
    PreliminaryFlag: verified ? 'FINAL' : 'PRELIMINARY',
    CompletionFlag: verified ? 'COMPLETE' : 'PARTIAL',
    VerificationFlag: verified ? 'VERIFIED' : 'UNVERIFIED',
    ContentDate: report.contentDate,
    ContentTime: report.contentTime,
    ...(verified ? { VerifyingObserverSequence: [report.verification!.toItem()] } : {}),
    ...(report.predecessors.length > 0 ? { PredecessorDocumentsSequence: hierarchicalReferences(report.predecessors.map((p) => ({ study: p.studyInstanceUid, series: p.seriesInstanceUid, sopClassUid: p.sopClassUid, sopInstanceUid: p.sopInstanceUid }))) } : {}),
    PerformedProcedureCodeSequence: [],
    CurrentRequestedProcedureEvidenceSequence: hierarchicalReferences(evidence(report)),
    // SR Document Content: the root of TID 1500
    ...containerItem(null, SR_CODES.ImagingMeasurementReport, contentTree(report), '', { templateId: '1500' }),
  };
  const characterSet = specificCharacterSetFor(dataset);
  if (characterSet) dataset['SpecificCharacterSet'] = characterSet;
  return dataset;
}

/** The report as the bytes of a Part 10 file. */
export function writeQcReport(input: QcReport | QcReportInit): Uint8Array {
  return writePart10(buildQcReport(input));
}

function contentTree(report: QcReport): NaturalDataset[] {
  const items: NaturalDataset[] = [
    codeItem('HAS CONCEPT MOD', SR_CODES.LanguageOfContent, SR_CODES.EnglishUnitedStates, itemPath('', SR_CODES.LanguageOfContent)),
    ...(report.observer ? report.observer.toItems() : deviceObserver(report)),
    ...procedures(report).map((procedure) => codeItem('HAS CONCEPT MOD', SR_CODES.ProcedureReported, procedure, itemPath('', SR_CODES.ProcedureReported))),
    report.imageLibrary.toItem(),
  ];
  const groups: NaturalDataset[] = [];
  for (const structure of report.structures) groups.push(...structure.toGroups(report.algorithm, groupPath, groups.length));
  items.push(containerItem('CONTAINS', SR_CODES.ImagingMeasurements, groups, IMAGING_MEASUREMENTS_PATH));
  const evaluationsPath = itemPath('', SR_CODES.QualitativeEvaluations);
  const evaluations: NaturalDataset[] = [];
  if (report.observer) evaluations.push(...report.observer.identityItems());
  if (report.sop) evaluations.push(textItem('CONTAINS', QC_CONCEPTS.sop, report.sop.toText(), itemPath(evaluationsPath, QC_CONCEPTS.sop)));
  evaluations.push(...report.checklist.map((result, n) => result.toItem(`${evaluationsPath}.ContentSequence{SOP checklist item}[${n}]`)));
  if (evaluations.length > 0) items.push(containerItem('CONTAINS', SR_CODES.QualitativeEvaluations, evaluations, evaluationsPath));
  return items;
}

/** TID 1004: SegQC's engine observed, when no person is named. */
function deviceObserver(report: QcReport): NaturalDataset[] {
  const rel = 'HAS OBS CONTEXT';
  const at = (concept: typeof SR_CODES.DeviceObserverUid) => itemPath(OBSERVER_CONTEXT_PATH, concept);
  return [
    codeItem(rel, SR_CODES.ObserverType, SR_CODES.Device, at(SR_CODES.ObserverType)),
    uidrefItem(rel, SR_CODES.DeviceObserverUid, SEGQC_DEVICE_OBSERVER_UID, at(SR_CODES.DeviceObserverUid)),
    textItem(rel, SR_CODES.DeviceObserverName, SEGQC_MANUFACTURER_NAME, at(SR_CODES.DeviceObserverName)),
    textItem(rel, SR_CODES.DeviceObserverManufacturer, SEGQC_MANUFACTURER_NAME, at(SR_CODES.DeviceObserverManufacturer)),
    textItem(rel, SR_CODES.DeviceObserverModelName, report.algorithm.name, at(SR_CODES.DeviceObserverModelName)),
  ];
}

/** CID 100 by the modalities of the source series, in library order. */
function procedures(report: QcReport) {
  const modalities = [...new Set(report.imageLibrary.groups.map((group) => group.modality))];
  return [...new Map(modalities.map((modality) => {
    const procedure = PROCEDURES_BY_MODALITY[modality] ?? IMAGING_PROCEDURE;
    return [procedure.value, procedure] as const;
  })).values()];
}

interface InstanceReference { study: string; series: string; sopClassUid: string; sopInstanceUid: string }

/** Every instance the content refers to: the judged SEGs and the library's images, all of the report's study. */
function evidence(report: QcReport): InstanceReference[] {
  const study = report.subject.init.StudyInstanceUID;
  const references: InstanceReference[] = [];
  const seen = new Set<string>();
  const add = (reference: InstanceReference) => {
    if (seen.has(reference.sopInstanceUid)) return;
    seen.add(reference.sopInstanceUid);
    references.push(reference);
  };
  for (const structure of report.structures) {
    for (const { segment } of structure.annotations) add({ study, series: segment.seriesInstanceUid, sopClassUid: segment.sopClassUid, sopInstanceUid: segment.sopInstanceUid });
  }
  for (const group of report.imageLibrary.groups) for (const image of group.images) add({ study, series: group.seriesInstanceUid, ...image });
  return references;
}

/** Hierarchical SOP Instance Reference Macro (PS3.3 Table C.17-3): by study, then series. */
function hierarchicalReferences(references: readonly InstanceReference[]): NaturalDataset[] {
  const studies = new Map<string, Map<string, NaturalDataset[]>>();
  for (const reference of references) {
    const series = studies.get(reference.study) ?? new Map<string, NaturalDataset[]>();
    studies.set(reference.study, series);
    const instances = series.get(reference.series) ?? [];
    series.set(reference.series, instances);
    instances.push({ ReferencedSOPClassUID: reference.sopClassUid, ReferencedSOPInstanceUID: reference.sopInstanceUid });
  }
  return [...studies].map(([study, series]) => ({
    StudyInstanceUID: study,
    ReferencedSeriesSequence: [...series].map(([seriesUid, instances]) => ({ SeriesInstanceUID: seriesUid, ReferencedSOPSequence: instances })),
  }));
}
