/**
 * Reads a TID 1500 report: every one as plain data (readMeasurementReport), and a SegQC QC report
 * (one with 99SEGQC annotation items) also as the QcReportInit it was written from, so that
 * readQcReport(writeQcReport(x)).qc equals x. The SegQC reading is checked by constructing a
 * QcReport from it: a damaged or hand-edited report gives a DicomValueError naming what is wrong.
 *
 * The observer is authenticated only when the report says so in full: Observer identity =
 * Authenticated, one issuer and one subject item, both valid. A report without the item (another
 * writer's, or SegQC's from before it recorded authentication), or with an incomplete one, has a
 * self-declared observer: `authentication` absent. The verifier who is the observer shares it.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from '../identity/checkAuthenticatedIdentity';
import { readSrDataset } from './readSrDataset';
import { SEGQC_SCHEME_DESIGNATOR } from '../codes/segqcScheme';
import { parseAlgorithmParameter } from './AlgorithmIdentification';
import type { DisplayRegionInit } from './DisplayRegion';
import type { ImageLibraryGroupInit } from './ImageLibrary';
import type { QcAgreementInit } from './QcAgreement';
import type { QcAnnotationInit } from './QcAnnotation';
import {
  QC_CONCEPTS, QC_DECISIONS, QC_MEASUREMENTS, QC_OBSERVER_IDENTITIES, QC_REASONS, QC_REFERENCE_STANDARDS, QC_REVIEWER_CHOICES, nsdTolerance,
  type AgreementMetric, type QcReasonKey, type QcReferenceStandard, type QcReviewerChoice,
} from './qcCodes';
import type { QcDecisionInit, QcReasonInit } from './QcDecision';
import type { QcObserverInit, QcRole } from './QcObserver';
import { QcReport, type PredecessorInit, type QcReportInit } from './QcReport';
import type { QcStructureInit } from './QcStructure';
import { measurementReportOf, type MeasurementReportContent, type ReportCodeItem, type ReportGroup } from './readMeasurementReport';
import type { ReportSubjectInit } from './ReportSubject';
import { SopInForce } from './SopInForce';
import { numberValue, requiredString, sameCode, sequence, stringValue } from './srContent';
import { PERFORMING_ROLES, SR_CODES } from './templateCodes';

export interface QcReportRead {
  /** The document as any TID 1500 report. */
  document: MeasurementReportContent;
  /** SegQC's QC content, when the document is a SegQC QC report. */
  qc?: QcReportInit;
}

export function readQcReport(bytes: Uint8Array): QcReportRead {
  const dataset = readSrDataset(bytes);
  const document = measurementReportOf(dataset);
  const isQc = document.groups.some((group) => group.evaluations.some((item) => sameCode(item.name, QC_CONCEPTS.annotation)));
  return isQc ? { document, qc: qcReportOf(dataset, document) } : { document };
}

function qcReportOf(dataset: NaturalDataset, document: MeasurementReportContent): QcReportInit {
  const seriesOf = evidenceSeries(dataset);
  const volumetric = document.groups.filter((group) => group.evaluations.some((item) => sameCode(item.name, QC_CONCEPTS.annotation)));
  const algorithm = algorithmOf(volumetric);

  const structures = new Map<string, { groups: ReportGroup[] }>();
  volumetric.forEach((group, n) => {
    const label = textOf(group, QC_CONCEPTS.structure, `ContentSequence{Imaging Measurements}.ContentSequence{Measurement Group}[${n}]`);
    structures.set(label, { groups: [...(structures.get(label)?.groups ?? []), group] });
  });

  const { observer } = observerOf(document);
  const init: QcReportInit = {
    sopInstanceUid: document.sopInstanceUid,
    seriesInstanceUid: document.seriesInstanceUid,
    seriesNumber: numberValue(dataset, 'SeriesNumber', '') ?? 0,
    instanceNumber: numberValue(dataset, 'InstanceNumber', '') ?? 1,
    contentDate: requiredString(dataset, 'ContentDate', ''),
    contentTime: requiredString(dataset, 'ContentTime', ''),
    subject: subjectOf(dataset),
    ...(observer ? { observer } : {}),
    algorithm,
    imageLibrary: document.imageLibrary.map((group, g): ImageLibraryGroupInit => {
      const first = group.images[0];
      return {
        seriesInstanceUid: first ? seriesOf(first.sopInstanceUid, `ContentSequence{Image Library}.ContentSequence{Image Library Group}[${g}]`) : '',
        modality: group.modality?.value ?? '',
        ...(group.frameOfReferenceUid !== undefined ? { frameOfReferenceUid: group.frameOfReferenceUid } : {}),
        images: group.images.map((image) => ({ sopClassUid: image.sopClassUid, sopInstanceUid: image.sopInstanceUid })),
      };
    }),
    structures: [...structures].map(([label, { groups }]) => structureOf(label, groups, seriesOf)),
    ...sopOf(document),
    ...predecessorsOf(dataset),
    ...verificationOf(dataset, observer),
  };
  // Validates what was read as strictly as what is written, and normalizes it.
  return new QcReport(init).toInit();
}

function structureOf(label: string, groups: ReportGroup[], seriesOf: (sop: string, path: string) => string): QcStructureInit {
  const path = `structure "${label}"`;
  const first = groups[0];
  const letters = groups.map((group) => letterOf(group, path));
  const annotations = groups.map((group, n): QcAnnotationInit => {
    const segment = group.referencedSegment;
    if (!segment || segment.segmentNumbers?.length !== 1) throw new DicomValueError(`${path}, annotation ${letters[n]}: ContentSequence{Referenced Segment}`, 'a QC group references exactly one segment');
    if (group.sourceSeriesForSegmentation === undefined) throw new DicomValueError(`${path}, annotation ${letters[n]}: ContentSequence{Source series for segmentation}`, 'is required');
    const volume = group.measurements.find((measurement) => sameCode(measurement.name, SR_CODES.Volume));
    if (!volume || volume.value === null) throw new DicomValueError(`${path}, annotation ${letters[n]}: ContentSequence{Volume}`, 'the segment volume is required');
    const login = group.evaluations.find((item) => sameCode(item.name, QC_CONCEPTS.annotator))?.value.value;
    const name = group.texts.find((item) => sameCode(item.name, QC_CONCEPTS.annotatorName))?.value;
    const region = group.regions.find((candidate) => sameCode(candidate.name, QC_CONCEPTS.displayRegion));
    const referenceStandard = referenceStandardOf(group, `${path}, annotation ${letters[n]}`);
    const setByReviewer = reviewerChoicesOf(group, `${path}, annotation ${letters[n]}`);
    const displayRegion: DisplayRegionInit | undefined = region?.image ? {
      image: { sopClassUid: region.image.sopClassUid, sopInstanceUid: region.image.sopInstanceUid, ...(region.image.frameNumbers ? { frameNumber: region.image.frameNumbers[0] } : {}) },
      outline: region.points,
    } : undefined;
    return {
      annotation: letters[n],
      ...(name !== undefined ? { annotatorName: name } : {}),
      ...(login !== undefined ? { annotatorLogin: login } : {}),
      segment: { sopClassUid: segment.sopClassUid, sopInstanceUid: segment.sopInstanceUid, seriesInstanceUid: seriesOf(segment.sopInstanceUid, `${path}, annotation ${letters[n]}`), segmentNumber: segment.segmentNumbers[0] },
      sourceSeriesInstanceUid: group.sourceSeriesForSegmentation,
      pixelDataSha256: textOf(group, QC_CONCEPTS.segPixelDataSha256, `${path}, annotation ${letters[n]}`),
      volumeMl: volume.value,
      ...(displayRegion ? { displayRegion } : {}),
      ...(referenceStandard !== undefined ? { referenceStandard } : {}),
      ...(setByReviewer.length > 0 ? { setByReviewer } : {}),
    };
  });

  // Each agreement is in the groups of both annotations: read it from the first, check the second.
  const agreements: QcAgreementInit[] = [];
  const seen = new Map<string, QcAgreementInit>();
  groups.forEach((group, n) => {
    for (const [other, agreement] of agreementsOf(group, letters[n], `${path}, annotation ${letters[n]}`)) {
      const key = [letters[n], other].sort().join('');
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, agreement);
        agreements.push(agreement);
      } else if (JSON.stringify({ ...earlier, between: null }) !== JSON.stringify({ ...agreement, between: null })) {
        throw new DicomValueError(`${path}, annotation ${letters[n]}`, `its agreement with ${other} differs from the one in ${other}'s group`);
      }
    }
  });

  const decisions = groups.map((group, n) => decisionOf(group, `${path}, annotation ${letters[n]}`));
  decisions.forEach((decision, n) => {
    if (JSON.stringify(decision) !== JSON.stringify(decisions[0])) throw new DicomValueError(`${path}, annotation ${letters[n]}: ContentSequence{Quality control decision}`, 'differs from the decision in the structure\'s first group');
  });
  return {
    label,
    ...(first.findingCategory ? { category: first.findingCategory } : {}),
    ...(first.finding ? { type: first.finding.value } : {}),
    ...(first.finding?.modifiers[0] ? { typeModifier: first.finding.modifiers[0].value } : {}),
    annotations,
    ...(agreements.length > 0 ? { agreements } : {}),
    ...(decisions[0] ? { decision: decisions[0] } : {}),
  };
}

function letterOf(group: ReportGroup, path: string): string {
  const code = group.evaluations.find((item) => sameCode(item.name, QC_CONCEPTS.annotation))!.value;
  const match = /^ANNOTATION-([A-Z])$/.exec(code.value);
  if (code.scheme !== SEGQC_SCHEME_DESIGNATOR || !match) throw new DicomValueError(`${path}: ContentSequence{Annotation}.ConceptCodeSequence[0]`, `(${code.value}, ${code.scheme}) is not an annotation code`);
  return match[1];
}

const REFERENCE_OF_CODE = new Map(Object.entries(QC_REFERENCE_STANDARDS).map(([key, code]) => [code.value, key as QcReferenceStandard]));

function referenceStandardOf(group: ReportGroup, path: string): QcReferenceStandard | undefined {
  const item = group.evaluations.find((candidate) => sameCode(candidate.name, QC_CONCEPTS.referenceStandard));
  if (item === undefined) return undefined;
  const standard = REFERENCE_OF_CODE.get(item.value.value);
  if (item.value.scheme !== SEGQC_SCHEME_DESIGNATOR || standard === undefined) {
    throw new DicomValueError(`${path}: ContentSequence{Reference standard}.ConceptCodeSequence[0]`, `(${item.value.value}, ${item.value.scheme}) is not a reference standard SegQC writes`);
  }
  return standard;
}

const CHOICE_OF_CODE = new Map(Object.entries(QC_REVIEWER_CHOICES).map(([choice, code]) => [code.value, choice as QcReviewerChoice]));

function reviewerChoicesOf(group: ReportGroup, path: string): QcReviewerChoice[] {
  return group.evaluations.filter((candidate) => sameCode(candidate.name, QC_CONCEPTS.setByReviewer)).map((item) => {
    const choice = CHOICE_OF_CODE.get(item.value.value);
    if (item.value.scheme !== SEGQC_SCHEME_DESIGNATOR || choice === undefined) {
      throw new DicomValueError(`${path}: ContentSequence{Set by the reviewer}.ConceptCodeSequence[0]`, `(${item.value.value}, ${item.value.scheme}) is not something SegQC records a reviewer setting`);
    }
    return choice;
  });
}

const METRIC_OF_CODE = new Map(Object.entries(QC_MEASUREMENTS).map(([metric, code]) => [code.value, metric as AgreementMetric]));

/** The agreements written in a group: by the other annotation's letter. */
function agreementsOf(group: ReportGroup, own: string, path: string): Map<string, QcAgreementInit> {
  const byOther = new Map<string, QcAgreementInit>();
  for (const measurement of group.measurements) {
    if (measurement.name.scheme !== SEGQC_SCHEME_DESIGNATOR) continue;
    const compared = measurement.modifiers.find((modifier) => sameCode(modifier.name, QC_CONCEPTS.comparedWith))?.value;
    const other = compared && /^ANNOTATION-([A-Z])$/.exec(compared.value)?.[1];
    if (!other) throw new DicomValueError(`${path}: ContentSequence{${measurement.name.meaning}}.ContentSequence{Compared with annotation}`, 'an agreement measurement names the annotation it compares with');
    const agreement = byOther.get(other) ?? { between: [own, other], nsd: {} } as unknown as QcAgreementInit;
    byOther.set(other, agreement);
    const tolerance = nsdTolerance(measurement.name);
    const metric = METRIC_OF_CODE.get(measurement.name.value);
    if (tolerance !== undefined) (agreement.nsd as Record<string, number | null>)[tolerance] = measurement.value;
    else if (metric !== undefined) (agreement as unknown as Record<string, number | null>)[metric] = measurement.value;
    else throw new DicomValueError(`${path}: ContentSequence{${measurement.name.meaning}}`, `(${measurement.name.value}, ${measurement.name.scheme}) is not an agreement measurement SegQC writes`);
  }
  return byOther;
}

const DECISION_OF_CODE = new Map(Object.entries(QC_DECISIONS).map(([key, code]) => [code.value, key]));
const REASON_OF_CODE = new Map(Object.entries(QC_REASONS).map(([key, code]) => [code.value, key as QcReasonKey]));

function decisionOf(group: ReportGroup, path: string): QcDecisionInit | undefined {
  const decision = group.evaluations.find((item) => sameCode(item.name, QC_CONCEPTS.decision));
  if (!decision) return undefined;
  const at = `${path}: ContentSequence{Quality control decision}.ConceptCodeSequence[0]`;
  const accepted = /^ACCEPTED-([A-Z])$/.exec(decision.value.value)?.[1];
  const outcome = accepted ? 'accepted' : DECISION_OF_CODE.get(decision.value.value);
  if (decision.value.scheme !== SEGQC_SCHEME_DESIGNATOR || outcome === undefined) throw new DicomValueError(at, `(${decision.value.value}, ${decision.value.scheme}) is not a QC decision`);
  const reasons: QcReasonInit[] = group.evaluations.filter((item) => sameCode(item.name, QC_CONCEPTS.reason)).map((item: ReportCodeItem) => {
    const reason = REASON_OF_CODE.get(item.value.value);
    if (item.value.scheme !== SEGQC_SCHEME_DESIGNATOR || reason === undefined) throw new DicomValueError(`${path}: ContentSequence{Quality control reason}`, `(${item.value.value}, ${item.value.scheme}) is not a QC reason`);
    return { reason };
  });
  const text = group.texts.find((item) => sameCode(item.name, QC_CONCEPTS.reasonText))?.value;
  const other = reasons.find((reason) => reason.reason === 'other');
  if (other && text !== undefined) other.text = text;
  return { outcome: outcome as QcDecisionInit['outcome'], ...(accepted ? { acceptedAnnotation: accepted } : {}), ...(reasons.length > 0 ? { reasons } : {}) };
}

function textOf(group: ReportGroup, concept: CodeInit, path: string): string {
  const item = group.texts.find((text) => sameCode(text.name, concept));
  if (item === undefined) throw new DicomValueError(`${path}: ContentSequence{${concept.meaning}}`, 'is required in a SegQC QC group');
  return item.value;
}

function algorithmOf(groups: ReportGroup[]): QcReportInit['algorithm'] {
  // A Map, then own properties: a parameter "__proto__: …" in a hostile report is a key to refuse, not a prototype.
  const conventions = new Map<string, string>();
  let name: string | undefined;
  let version: string | undefined;
  for (const group of groups) {
    for (const measurement of group.measurements) {
      const algorithm = measurement.algorithm;
      if (!algorithm) continue;
      name ??= algorithm.name;
      version ??= algorithm.version;
      for (const parameter of algorithm.parameters) {
        const parsed = parseAlgorithmParameter(parameter);
        if (parsed) conventions.set(parsed[0], parsed[1]);
      }
    }
  }
  if (name === undefined || version === undefined) throw new DicomValueError('ContentSequence{Imaging Measurements}', 'no measurement identifies its algorithm (TID 4019)');
  return { name, version, conventions: Object.fromEntries(conventions) };
}

const ROLE_OF_CODE = new Map(Object.entries(PERFORMING_ROLES).map(([role, code]) => [`${code.value}|${code.scheme}`, role as QcRole]));

function observerOf(document: MeasurementReportContent): { observer?: QcObserverInit } {
  const person = document.observers.find((observer) => observer.type === 'person');
  if (!person) return {};
  const role = person.role ? ROLE_OF_CODE.get(`${person.role.value}|${person.role.scheme}`) : undefined;
  if (person.personName === undefined || person.loginName === undefined || role === undefined) {
    throw new DicomValueError('ContentSequence{Observer Context}', 'a SegQC QC report names its person observer with name, login and a role of CID 7453 (Reviewer, Adjudicator, Reader)');
  }
  const authentication = observerAuthenticationOf(document);
  return {
    observer: {
      name: person.personName,
      login: person.loginName,
      ...(person.organization !== undefined ? { organization: person.organization } : {}),
      role,
      ...(authentication !== undefined ? { authentication } : {}),
    },
  };
}

const IDENTITY_PATH = 'ContentSequence{Qualitative Evaluations}.ContentSequence{Observer identity}';

/** The observer's sign-in when the report records all of it (see above); undefined: self-declared. */
function observerAuthenticationOf(document: MeasurementReportContent): AuthenticatedIdentity | undefined {
  const identities = document.evaluations.filter((item) => sameCode(item.name, QC_CONCEPTS.observerIdentity));
  for (const identity of identities) {
    if (!Object.values(QC_OBSERVER_IDENTITIES).some((known) => sameCode(identity.value, known))) {
      throw new DicomValueError(IDENTITY_PATH, `(${identity.value.value}, ${identity.value.scheme}) is not an observer identity SegQC writes`);
    }
  }
  if (identities.length !== 1 || !sameCode(identities[0].value, QC_OBSERVER_IDENTITIES.authenticated)) return undefined;
  const issuers = document.texts.filter((item) => sameCode(item.name, QC_CONCEPTS.oidcIssuer));
  const subjects = document.texts.filter((item) => sameCode(item.name, QC_CONCEPTS.oidcSubject));
  if (issuers.length !== 1 || subjects.length !== 1) return undefined;
  try {
    return checkAuthenticatedIdentity({ issuer: issuers[0].value, subject: subjects[0].value }, { identity: IDENTITY_PATH, issuer: IDENTITY_PATH, subject: IDENTITY_PATH });
  } catch {
    return undefined;
  }
}

function sopOf(document: MeasurementReportContent): Pick<QcReportInit, 'sop' | 'checklist'> {
  const sopText = document.texts.find((item) => sameCode(item.name, QC_CONCEPTS.sop));
  const checklist = document.texts
    .filter((item) => sameCode(item.name, QC_CONCEPTS.sopItemChecked) || sameCode(item.name, QC_CONCEPTS.sopItemUnchecked))
    .map((item) => ({ itemId: item.value, checked: sameCode(item.name, QC_CONCEPTS.sopItemChecked) }));
  const sop = sopText === undefined ? undefined : SopInForce.parse(sopText.value);
  return {
    ...(sop ? { sop: { id: sop.id, version: sop.version, sha256: sop.sha256 } } : {}),
    ...(checklist.length > 0 ? { checklist } : {}),
  };
}

const SUBJECT_KEYS = ['PatientBirthDate', 'PatientSex', 'PatientAge', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber', 'ReferringPhysicianName', 'StudyDescription'] as const;

function subjectOf(dataset: NaturalDataset): ReportSubjectInit {
  const subject: ReportSubjectInit = {
    PatientName: stringValue(dataset, 'PatientName') ?? '',
    PatientID: stringValue(dataset, 'PatientID') ?? '',
    StudyInstanceUID: requiredString(dataset, 'StudyInstanceUID', ''),
  };
  for (const key of SUBJECT_KEYS) {
    const value = stringValue(dataset, key);
    if (value !== undefined) subject[key] = value;
  }
  return subject;
}

function predecessorsOf(dataset: NaturalDataset): Pick<QcReportInit, 'predecessors'> {
  const predecessors: PredecessorInit[] = [];
  for (const study of sequence(dataset, 'PredecessorDocumentsSequence', '')) {
    for (const series of sequence(study.item, 'ReferencedSeriesSequence', study.path)) {
      for (const instance of sequence(series.item, 'ReferencedSOPSequence', series.path)) {
        predecessors.push({
          studyInstanceUid: requiredString(study.item, 'StudyInstanceUID', study.path),
          seriesInstanceUid: requiredString(series.item, 'SeriesInstanceUID', series.path),
          sopClassUid: requiredString(instance.item, 'ReferencedSOPClassUID', instance.path),
          sopInstanceUid: requiredString(instance.item, 'ReferencedSOPInstanceUID', instance.path),
        });
      }
    }
  }
  return predecessors.length > 0 ? { predecessors } : {};
}

/** The sign-off; a verifier who is the observer (same name and login) has the observer's authentication. */
function verificationOf(dataset: NaturalDataset, observer: QcObserverInit | undefined): Pick<QcReportInit, 'verification'> {
  if (stringValue(dataset, 'VerificationFlag') !== 'VERIFIED') return {};
  const [verifier] = sequence(dataset, 'VerifyingObserverSequence', '');
  if (verifier === undefined) throw new DicomValueError('VerifyingObserverSequence', 'is required when VerificationFlag is VERIFIED (PS3.3 C.17.2)');
  const [code] = sequence(verifier.item, 'VerifyingObserverIdentificationCodeSequence', verifier.path);
  const organization = stringValue(verifier.item, 'VerifyingOrganization');
  const name = requiredString(verifier.item, 'VerifyingObserverName', verifier.path);
  // A login longer than 16 characters is a LongCodeValue (CodedConcept, PS3.3 Table 8.8-1).
  const login = code === undefined ? '' : stringValue(code.item, 'CodeValue') ?? requiredString(code.item, 'LongCodeValue', code.path);
  const authentication = observer !== undefined && observer.name === name && observer.login === login ? observer.authentication : undefined;
  return {
    verification: {
      name,
      login,
      ...(organization !== undefined ? { organization } : {}),
      dateTime: requiredString(verifier.item, 'VerificationDateTime', verifier.path),
      ...(authentication !== undefined ? { authentication } : {}),
    },
  };
}

/** SOP Instance UID → Series Instance UID, from the evidence sequences. */
function evidenceSeries(dataset: NaturalDataset): (sopInstanceUid: string, path: string) => string {
  const series = new Map<string, string>();
  for (const keyword of ['CurrentRequestedProcedureEvidenceSequence', 'PertinentOtherEvidenceSequence']) {
    for (const study of sequence(dataset, keyword, '')) {
      for (const item of sequence(study.item, 'ReferencedSeriesSequence', study.path)) {
        const seriesUid = requiredString(item.item, 'SeriesInstanceUID', item.path);
        for (const instance of sequence(item.item, 'ReferencedSOPSequence', item.path)) series.set(requiredString(instance.item, 'ReferencedSOPInstanceUID', instance.path), seriesUid);
      }
    }
  }
  return (sopInstanceUid, path) => {
    const found = series.get(sopInstanceUid);
    if (found === undefined) throw new DicomValueError(`${path}: CurrentRequestedProcedureEvidenceSequence`, `lists no series for the referenced instance ${sopInstanceUid}`);
    return found;
  };
}
