/**
 * The audit event of one SEG, read from its Part 10 bytes: who made it (ContentCreatorName, the login
 * in ContentCreatorIdentificationCodeSequence, and the sign-in when the SEG records one, else
 * self-declared: identity/segCreatorIdentity.ts),
 * in which role (ContentLabel), when (ContentDate/ContentTime), under which SOP (ProtocolName), and
 * the SHA-256 of its Pixel Data exactly as a QC report records it (describeJudgedSeg).
 */
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { readPart10 } from '../dicom/readPart10';
import { parseSopReference } from '../seg/SopReference';
import { readSegHeader } from '../seg/read/readSegHeader';
import { describeJudgedSeg } from '../sr/describeJudgedSeg';
import type { SegCreatorRole, SegEvent } from './AuditEvent';
import { isoDateTime } from './isoDateTime';
import { segAttribution } from '../identity/segAttribution';

// A Map: ContentLabel is the PACS's text, and "constructor" must not find Object's.
const ROLE_OF_LABEL: ReadonlyMap<string, SegCreatorRole> = new Map([['ADJUDICATED', 'adjudicator'], ['GOLD', 'gold-standard-author']]);

/** The SEG's event and the patient it is of. Throws a DicomValueError (SegParseError, RefusedObjectError) for a SEG that cannot be read. */
export function segEventOf(bytes: Uint8Array): { event: SegEvent; patient: { name?: string; id?: string } } {
  const info = describeJudgedSeg(bytes);
  const header = readSegHeader(bytes);
  const { protocolName, instanceNumber, creatorInstitution, seriesDescription, operatorsName, seriesNumber } = provenanceOf(bytes);
  const organization = creatorInstitution ?? info.institutionName;
  const sop = parseSopReference(protocolName);
  const dateTime = isoDateTime(header.contentDate, header.contentTime);
  const role = (info.contentLabel !== undefined ? ROLE_OF_LABEL.get(info.contentLabel) : undefined) ?? 'annotator';
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
      ...(info.annotatorAuthentication !== undefined ? { authentication: info.annotatorAuthentication } : {}),
    },
    role,
    ...(dateTime !== undefined ? { dateTime } : {}),
    ...(sop ? { sop: { id: sop.id, version: sop.version, hash: sop.shortHash.toLowerCase() } } : protocolName !== undefined ? { protocolName } : {}),
    sourceSeriesInstanceUid: info.sourceSeriesInstanceUid,
    pixelDataSha256: info.pixelDataSha256,
    segmentLabels: header.segments.map((segment) => segment.label),
  };
  if (info.annotatorName === undefined && info.annotatorLogin === undefined) {
    const attribution = segAttribution({ creatorName: null, login: null, seriesDescription: seriesDescription ?? null, operatorsName: operatorsName ?? null, seriesNumber: seriesNumber ?? null });
    event.unattributedAs = attribution.name;
  }
  const patient = { ...(info.subject.PatientName !== '' ? { name: info.subject.PatientName } : {}), ...(info.subject.PatientID !== '' ? { id: info.subject.PatientID } : {}) };
  return { event, patient };
}

/**
 * ProtocolName, InstanceNumber and the creator's institution (ContentCreatorIdentificationCodeSequence
 * InstitutionName, PS3.3 Table 10-1), which the bounds-checked SEG parser does not keep: the header
 * up to Pixel Data, through dcmjs.
 */
function provenanceOf(bytes: Uint8Array): {
  protocolName?: string; instanceNumber?: number; creatorInstitution?: string; seriesDescription?: string; operatorsName?: string; seriesNumber?: number;
} {
  const { dataset } = readPart10(bytes, { untilPixelData: true });
  const protocol = first(dataset['ProtocolName']);
  const creator = first(dataset['ContentCreatorIdentificationCodeSequence']) as NaturalDataset | undefined;
  const institution = creator === undefined ? undefined : first(creator['InstitutionName']);
  const number = integerOf(first(dataset['InstanceNumber']));
  const seriesNumber = integerOf(first(dataset['SeriesNumber']));
  const description = first(dataset['SeriesDescription']);
  const operators = first(dataset['OperatorsName']);
  const operatorsName = typeof operators === 'string' ? operators : (operators as { Alphabetic?: string } | undefined)?.Alphabetic;
  return {
    ...(typeof protocol === 'string' && protocol.trim() !== '' ? { protocolName: protocol.trim() } : {}),
    ...(number !== undefined ? { instanceNumber: number } : {}),
    ...(seriesNumber !== undefined ? { seriesNumber } : {}),
    ...(typeof description === 'string' && description.trim() !== '' ? { seriesDescription: description.trim() } : {}),
    ...(operatorsName !== undefined && operatorsName.trim() !== '' ? { operatorsName } : {}),
    ...(typeof institution === 'string' && institution.trim() !== '' ? { creatorInstitution: institution.trim() } : {}),
  };
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

function integerOf(raw: unknown): number | undefined {
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isInteger(number) ? number : undefined;
}
