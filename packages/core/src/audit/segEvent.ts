/**
 * The audit event of one SEG, read from its Part 10 bytes: who made it (ContentCreatorName, the login
 * in ContentCreatorIdentificationCodeSequence, self-declared or signed in from ContentDescription),
 * in which role (ContentLabel), when (ContentDate/ContentTime), under which SOP (ProtocolName), and
 * the SHA-256 of its Pixel Data exactly as a QC report records it (describeJudgedSeg).
 */
import dcmjs from 'dcmjs';
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { parseSopReference } from '../seg/SopReference';
import { readSegHeader } from '../seg/read/readSegHeader';
import { describeJudgedSeg } from '../sr/describeJudgedSeg';
import type { SegCreatorRole, SegEvent } from './AuditEvent';
import { creatorSelfDeclared } from './creatorIdentity';
import { isoDateTime } from './isoDateTime';

const ROLE_OF_LABEL: Readonly<Record<string, SegCreatorRole>> = { ADJUDICATED: 'adjudicator', GOLD: 'gold-standard-author' };

/** The SEG's event and the patient it is of. Throws a SegParseError or DicomValueError for a SEG that cannot be read. */
export function segEventOf(bytes: Uint8Array): { event: SegEvent; patient: { name?: string; id?: string } } {
  const info = describeJudgedSeg(bytes);
  const header = readSegHeader(bytes);
  const { protocolName, instanceNumber, creatorInstitution } = provenanceOf(bytes);
  const organization = creatorInstitution ?? info.institutionName;
  const sop = parseSopReference(protocolName);
  const selfDeclared = creatorSelfDeclared(header.contentDescription);
  const dateTime = isoDateTime(header.contentDate, header.contentTime);
  const role = (info.contentLabel !== undefined ? ROLE_OF_LABEL[info.contentLabel] : undefined) ?? 'annotator';
  const event: SegEvent = {
    kind: role === 'annotator' ? 'annotation' : 'reference',
    studyInstanceUid: info.studyInstanceUid,
    seriesInstanceUid: info.seriesInstanceUid,
    sopInstanceUid: info.sopInstanceUid,
    sopClassUid: info.sopClassUid,
    ...(instanceNumber !== undefined ? { instanceNumber } : {}),
    ...(info.contentLabel !== undefined ? { contentLabel: info.contentLabel } : {}),
    creator: {
      ...(info.annotatorName !== undefined ? { name: info.annotatorName } : {}),
      ...(info.annotatorLogin !== undefined ? { login: info.annotatorLogin } : {}),
      ...(organization !== undefined ? { organization } : {}),
      ...(selfDeclared !== undefined ? { selfDeclared } : {}),
    },
    role,
    ...(dateTime !== undefined ? { dateTime } : {}),
    ...(sop ? { sop: { id: sop.id, version: sop.version, hash: sop.shortHash.toLowerCase() } } : protocolName !== undefined ? { protocolName } : {}),
    sourceSeriesInstanceUid: info.sourceSeriesInstanceUid,
    pixelDataSha256: info.pixelDataSha256,
    segmentLabels: header.segments.map((segment) => segment.label),
  };
  const patient = { ...(info.subject.PatientName !== '' ? { name: info.subject.PatientName } : {}), ...(info.subject.PatientID !== '' ? { id: info.subject.PatientID } : {}) };
  return { event, patient };
}

/**
 * ProtocolName, InstanceNumber and the creator's institution (ContentCreatorIdentificationCodeSequence
 * InstitutionName, PS3.3 Table 10-1), which the bounds-checked SEG parser does not keep: the header
 * up to Pixel Data, through dcmjs.
 */
function provenanceOf(bytes: Uint8Array): { protocolName?: string; instanceNumber?: number; creatorInstitution?: string } {
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  let dataset: NaturalDataset;
  try {
    const dict = dcmjs.data.DicomMessage.readFile(buffer, { untilTag: '7FE00010', includeUntilTagValue: false });
    dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict);
  } catch (error) {
    throw new DicomValueError('(file)', `is not a readable DICOM Part 10 file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const protocol = first(dataset['ProtocolName']);
  const creator = first(dataset['ContentCreatorIdentificationCodeSequence']) as NaturalDataset | undefined;
  const institution = creator === undefined ? undefined : first(creator['InstitutionName']);
  const raw = first(dataset['InstanceNumber']);
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return {
    ...(typeof protocol === 'string' && protocol.trim() !== '' ? { protocolName: protocol.trim() } : {}),
    ...(Number.isInteger(number) ? { instanceNumber: number } : {}),
    ...(typeof institution === 'string' && institution.trim() !== '' ? { creatorInstitution: institution.trim() } : {}),
  };
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
