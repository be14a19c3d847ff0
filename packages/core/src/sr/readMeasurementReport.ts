/**
 * Any TID 1500 Measurement Report (Enhanced, Comprehensive or Comprehensive 3D SR, from any writer:
 * highdicom, dcmqi, OHIF, SegQC) as plain data: the document's identity and flags, its observer
 * context, procedures, Image Library, and each measurement group (TID 1410, 1411, 1501) with its
 * tracking identifiers, finding, references, regions, measurements (concept, value, unit,
 * modifiers, algorithm) and qualitative evaluations. Nothing is dropped silently: content items
 * SegQC does not interpret are kept as `other` with their value type and concept.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { readSrDataset } from './readSrDataset';
import {
  children, codeValue, conceptName, isItem, numValue, numberValue, numberValues, personNameValue, referencedSop, relationship,
  requiredString, sameCode, sequence, stringValue, textValue, uidValue, valueType, type ReadItem, type ReadSopReference,
} from './srContent';
import { SR_CODES } from './templateCodes';

/** SR Storage SOP classes that may hold TID 1500 (PS3.16 TID 1500 "Type: Extensible", PS3.4 B.5). */
// A Map: the SOP class UID is the PACS's text, and "constructor" must not be found in it.
export const MEASUREMENT_REPORT_SOP_CLASSES: ReadonlyMap<string, string> = new Map([
  ['1.2.840.10008.5.1.4.1.1.88.22', 'Enhanced SR'],
  ['1.2.840.10008.5.1.4.1.1.88.33', 'Comprehensive SR'],
  ['1.2.840.10008.5.1.4.1.1.88.34', 'Comprehensive 3D SR'],
  ['1.2.840.10008.5.1.4.1.1.88.35', 'Extensible SR'],
]);

export interface ReportObserver {
  type: 'person' | 'device';
  personName?: string;
  loginName?: string;
  organization?: string;
  role?: CodeInit;
  deviceUid?: string;
  deviceName?: string;
}

export interface ReportLibraryGroup {
  modality?: CodeInit;
  frameOfReferenceUid?: string;
  images: ReadSopReference[];
}

export interface ReportAlgorithm {
  name?: string;
  version?: string;
  parameters: string[];
}

export interface ReportMeasurement {
  name: CodeInit;
  /** null when there is no value (see qualifier). */
  value: number | null;
  unit?: CodeInit;
  qualifier?: CodeInit;
  /** CODE children (HAS CONCEPT MOD, HAS PROPERTIES …) other than the algorithm identification. */
  modifiers: Array<{ relationship?: string; name: CodeInit; value: CodeInit }>;
  algorithm?: ReportAlgorithm;
}

export interface ReportRegion {
  valueType: 'SCOORD' | 'SCOORD3D';
  name?: CodeInit;
  graphicType: string;
  points: number[];
  /** SCOORD: the image it is selected from. */
  image?: ReadSopReference;
  /** SCOORD3D: its Frame of Reference. */
  frameOfReferenceUid?: string;
}

export interface ReportCodeItem {
  name: CodeInit;
  value: CodeInit;
  /** HAS CONCEPT MOD CODE children of the item (e.g. a laterality). */
  modifiers: Array<{ name: CodeInit; value: CodeInit }>;
}

export interface ReportGroup {
  /** From the Content Template Sequence, when the writer recorded it (1410, 1411, 1501). */
  templateId?: string;
  trackingIdentifier?: string;
  trackingUid?: string;
  findingCategory?: CodeInit;
  finding?: ReportCodeItem;
  findingSites: ReportCodeItem[];
  referencedSegment?: ReadSopReference;
  sourceSeriesForSegmentation?: string;
  /** Other IMAGE items of the group (source images, illustrations). */
  images: Array<{ name?: CodeInit; reference: ReadSopReference }>;
  regions: ReportRegion[];
  measurements: ReportMeasurement[];
  /** CODE items that are neither finding, category nor site: qualitative evaluations. */
  evaluations: ReportCodeItem[];
  texts: Array<{ name: CodeInit; value: string }>;
  /** Content items of other kinds, by value type and concept. */
  other: Array<{ valueType: string; name?: CodeInit }>;
}

export interface MeasurementReportContent {
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  seriesNumber?: number;
  instanceNumber?: number;
  seriesDescription?: string;
  contentDate?: string;
  contentTime?: string;
  completionFlag?: string;
  verificationFlag?: string;
  preliminaryFlag?: string;
  title: CodeInit;
  language?: CodeInit;
  observers: ReportObserver[];
  procedures: CodeInit[];
  imageLibrary: ReportLibraryGroup[];
  groups: ReportGroup[];
  /** The report's Qualitative Evaluations container (TID 1500 row 12). */
  evaluations: ReportCodeItem[];
  texts: Array<{ name: CodeInit; value: string }>;
  /** Coding scheme designators declared in CodingSchemeIdentificationSequence. */
  declaredCodingSchemes: string[];
}

/** Reads the bytes of a Part 10 SR file. */
export function readMeasurementReport(bytes: Uint8Array): MeasurementReportContent {
  return measurementReportOf(readSrDataset(bytes));
}

/** Reads a naturalized SR dataset. */
export function measurementReportOf(dataset: NaturalDataset): MeasurementReportContent {
  const sopClassUid = requiredString(dataset, 'SOPClassUID', '');
  if (!MEASUREMENT_REPORT_SOP_CLASSES.has(sopClassUid)) {
    throw new DicomValueError('SOPClassUID', `${sopClassUid} is not an SR storage class that holds TID 1500 (${[...MEASUREMENT_REPORT_SOP_CLASSES].map(([uid, name]) => `${name} ${uid}`).join(', ')})`);
  }
  if (stringValue(dataset, 'ValueType') !== 'CONTAINER') throw new DicomValueError('ValueType', 'the root content item of an SR document is a CONTAINER');
  const root: ReadItem = { item: dataset, path: '' };
  const title = conceptName(root);
  if (title === undefined) throw new DicomValueError('ConceptNameCodeSequence', 'the document title (root concept name) is required');
  const templateId = templateOf(dataset, '');
  if (templateId !== undefined && templateId !== '1500') throw new DicomValueError('ContentTemplateSequence[0].TemplateIdentifier', `is ${templateId}, not TID 1500`);

  const report: MeasurementReportContent = {
    sopClassUid,
    sopInstanceUid: requiredString(dataset, 'SOPInstanceUID', ''),
    studyInstanceUid: requiredString(dataset, 'StudyInstanceUID', ''),
    seriesInstanceUid: requiredString(dataset, 'SeriesInstanceUID', ''),
    title,
    observers: [],
    procedures: [],
    imageLibrary: [],
    groups: [],
    evaluations: [],
    texts: [],
    declaredCodingSchemes: sequence(dataset, 'CodingSchemeIdentificationSequence', '').flatMap((scheme) => stringValue(scheme.item, 'CodingSchemeDesignator') ?? []),
  };
  const optional = {
    seriesNumber: numberValue(dataset, 'SeriesNumber', ''),
    instanceNumber: numberValue(dataset, 'InstanceNumber', ''),
    seriesDescription: stringValue(dataset, 'SeriesDescription'),
    contentDate: stringValue(dataset, 'ContentDate'),
    contentTime: stringValue(dataset, 'ContentTime'),
    completionFlag: stringValue(dataset, 'CompletionFlag'),
    verificationFlag: stringValue(dataset, 'VerificationFlag'),
    preliminaryFlag: stringValue(dataset, 'PreliminaryFlag'),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (report as unknown as Record<string, unknown>)[key] = value;

  let observer: ReportObserver | undefined;
  for (const node of children(root)) {
    const name = conceptName(node);
    const type = valueType(node);
    if (type === 'CODE' && sameCode(name, SR_CODES.LanguageOfContent)) report.language = codeValue(node);
    else if (type === 'CODE' && sameCode(name, SR_CODES.ProcedureReported)) report.procedures.push(codeValue(node));
    else if (relationship(node) === 'HAS OBS CONTEXT') observer = readObserverItem(node, report.observers, observer);
    else if (type === 'CONTAINER' && sameCode(name, SR_CODES.ImageLibrary)) report.imageLibrary.push(...readImageLibrary(node));
    else if (type === 'CONTAINER' && sameCode(name, SR_CODES.ImagingMeasurements)) {
      for (const child of children(node)) if (isItem(child, 'CONTAINER', SR_CODES.MeasurementGroup)) report.groups.push(readGroup(child));
    } else if (type === 'CONTAINER' && sameCode(name, SR_CODES.QualitativeEvaluations)) {
      for (const child of children(node)) {
        const childName = conceptName(child);
        if (childName === undefined) continue;
        if (valueType(child) === 'CODE') report.evaluations.push(readCodeItem(child, childName));
        else if (valueType(child) === 'TEXT') report.texts.push({ name: childName, value: textValue(child) });
      }
    }
  }
  return report;
}

/** TID 1002 observer context: an Observer Type item starts an observer; the items after it describe it. */
function readObserverItem(node: ReadItem, observers: ReportObserver[], current: ReportObserver | undefined): ReportObserver | undefined {
  const name = conceptName(node);
  const type = valueType(node);
  if (type === 'CODE' && sameCode(name, SR_CODES.ObserverType)) {
    const observer: ReportObserver = { type: sameCode(codeValue(node), SR_CODES.Device) ? 'device' : 'person' };
    observers.push(observer);
    return observer;
  }
  // TID 1002 says the type is "Person" when the observer type item is absent.
  const observer = current ?? (() => {
    const person: ReportObserver = { type: 'person' };
    observers.push(person);
    return person;
  })();
  if (sameCode(name, SR_CODES.PersonObserverName)) observer.personName = type === 'PNAME' ? personNameValue(node) : textValue(node);
  else if (sameCode(name, SR_CODES.PersonObserverLoginName)) observer.loginName = textValue(node);
  else if (sameCode(name, SR_CODES.PersonObserverOrganizationName)) observer.organization = textValue(node);
  else if (sameCode(name, SR_CODES.PersonObserverRoleInThisProcedure)) observer.role = codeValue(node);
  else if (sameCode(name, SR_CODES.DeviceObserverUid)) observer.deviceUid = uidValue(node);
  else if (sameCode(name, SR_CODES.DeviceObserverName)) observer.deviceName = textValue(node);
  return observer;
}

function readImageLibrary(library: ReadItem): ReportLibraryGroup[] {
  const groups: ReportLibraryGroup[] = [];
  const loose: ReportLibraryGroup = { images: [] };
  const readEntries = (container: ReadItem, group: ReportLibraryGroup) => {
    for (const child of children(container)) {
      const name = conceptName(child);
      const type = valueType(child);
      if (type === 'CODE' && sameCode(name, SR_CODES.Modality)) group.modality = codeValue(child);
      else if (type === 'UIDREF' && sameCode(name, SR_CODES.FrameOfReferenceUid)) group.frameOfReferenceUid = uidValue(child);
      else if (type === 'IMAGE') group.images.push(referencedSop(child));
    }
  };
  for (const child of children(library)) {
    if (isItem(child, 'CONTAINER', SR_CODES.ImageLibraryGroup)) {
      const group: ReportLibraryGroup = { images: [] };
      readEntries(child, group);
      groups.push(group);
    }
  }
  readEntries(library, loose); // TID 1600 before 2017 listed the images directly in the library
  if (loose.images.length > 0) groups.push(loose);
  return groups;
}

function readGroup(container: ReadItem): ReportGroup {
  const group: ReportGroup = { findingSites: [], images: [], regions: [], measurements: [], evaluations: [], texts: [], other: [] };
  const templateId = templateOf(container.item, container.path);
  if (templateId !== undefined) group.templateId = templateId;
  for (const node of children(container)) {
    const name = conceptName(node);
    const type = valueType(node);
    if (type === 'TEXT' && sameCode(name, SR_CODES.TrackingIdentifier)) group.trackingIdentifier = textValue(node);
    else if (type === 'UIDREF' && sameCode(name, SR_CODES.TrackingUniqueIdentifier)) group.trackingUid = uidValue(node);
    else if (type === 'CODE' && sameCode(name, SR_CODES.FindingCategory)) group.findingCategory = codeValue(node);
    else if (type === 'CODE' && sameCode(name, SR_CODES.Finding)) group.finding = readCodeItem(node, name!);
    else if (type === 'CODE' && name !== undefined && name.value === '363698007' && (name.scheme === 'SCT' || name.scheme === 'SRT')) group.findingSites.push(readCodeItem(node, name));
    else if (type === 'CODE' && (name?.value === 'G-C0E3' && name.scheme === 'SRT')) group.findingSites.push(readCodeItem(node, name));
    else if (type === 'IMAGE' && sameCode(name, SR_CODES.ReferencedSegment)) group.referencedSegment = referencedSop(node);
    else if (type === 'UIDREF' && sameCode(name, SR_CODES.SourceSeriesForSegmentation)) group.sourceSeriesForSegmentation = uidValue(node);
    else if (type === 'IMAGE') group.images.push({ ...(name ? { name } : {}), reference: referencedSop(node) });
    else if (type === 'SCOORD' || type === 'SCOORD3D') group.regions.push(readRegion(node, type));
    else if (type === 'NUM' && name !== undefined) group.measurements.push(readMeasurement(node, name));
    else if (type === 'CODE' && name !== undefined) group.evaluations.push(readCodeItem(node, name));
    else if (type === 'TEXT' && name !== undefined) group.texts.push({ name, value: textValue(node) });
    else group.other.push({ valueType: type, ...(name ? { name } : {}) });
  }
  return group;
}

function readCodeItem(node: ReadItem, name: CodeInit): ReportCodeItem {
  const modifiers = children(node).filter((child) => valueType(child) === 'CODE' && conceptName(child) !== undefined).map((child) => ({ name: conceptName(child)!, value: codeValue(child) }));
  return { name, value: codeValue(node), modifiers };
}

function readMeasurement(node: ReadItem, name: CodeInit): ReportMeasurement {
  const measurement: ReportMeasurement = { name, ...numValue(node), modifiers: [] };
  let algorithm: ReportAlgorithm | undefined;
  for (const child of children(node)) {
    const childName = conceptName(child);
    const type = valueType(child);
    if (childName === undefined) continue;
    if (type === 'TEXT' && sameCode(childName, SR_CODES.AlgorithmName)) (algorithm ??= { parameters: [] }).name = textValue(child);
    else if (type === 'TEXT' && sameCode(childName, SR_CODES.AlgorithmVersion)) (algorithm ??= { parameters: [] }).version = textValue(child);
    else if (type === 'TEXT' && sameCode(childName, SR_CODES.AlgorithmParameters)) (algorithm ??= { parameters: [] }).parameters.push(textValue(child));
    else if (type === 'CODE') measurement.modifiers.push({ ...(relationship(child) ? { relationship: relationship(child) } : {}), name: childName, value: codeValue(child) });
  }
  if (algorithm) measurement.algorithm = algorithm;
  return measurement;
}

function readRegion(node: ReadItem, type: 'SCOORD' | 'SCOORD3D'): ReportRegion {
  const name = conceptName(node);
  const region: ReportRegion = {
    valueType: type,
    ...(name ? { name } : {}),
    graphicType: requiredString(node.item, 'GraphicType', node.path),
    points: numberValues(node.item, 'GraphicData', node.path),
  };
  if (type === 'SCOORD') {
    const image = children(node).find((child) => valueType(child) === 'IMAGE');
    if (image) region.image = referencedSop(image);
  } else {
    const frameOfReference = stringValue(node.item, 'ReferencedFrameOfReferenceUID');
    if (frameOfReference) region.frameOfReferenceUid = frameOfReference;
  }
  return region;
}

function templateOf(item: NaturalDataset, path: string): string | undefined {
  const [template] = sequence(item, 'ContentTemplateSequence', path);
  return template === undefined ? undefined : stringValue(template.item, 'TemplateIdentifier');
}
