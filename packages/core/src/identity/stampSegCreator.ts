/**
 * A SEG that names no creator — OHIF's own "Export → DICOM SEG" writes none (issue 13) — with the
 * signed-in user who stores it recorded as its authenticated creator, by the writers buildBinarySeg
 * uses: ContentCreatorName; the login, then the OpenID Connect subject, in
 * ContentCreatorIdentificationCodeSequence (personIdentificationItem, oidcSubjectCode); the issuer
 * declaring the 99SEGQC-OIDC scheme in CodingSchemeIdentificationSequence; and "; creator
 * authenticated" ending ContentDescription, after what it said (withCreatorMarker).
 * segCreatorIdentity reads the creator back.
 *
 * Nothing else changes: the same File Meta Information (its group length recomputed), SOP Instance
 * UID and transfer syntax, every other attribute with its value as read (dcmjs writes an unchanged
 * value's original text back; its own encoding of sequence lengths), and the Pixel Data bytes. The
 * file is read and written with dcmjs. Encapsulated Pixel Data (RLE Lossless, OHIF's export) is
 * the exception: dcmjs cannot write it back as it was — it writes its own Basic Offset Table,
 * splits frames into its own 20 KiB fragments, and without a Basic Offset Table reads each
 * fragment as a frame — so dcmjs writes the header, and the original Pixel Data element (and
 * anything after it) follows byte for byte, located by the bounds-checked parser.
 */
import { firstText, sequenceItems } from '../dicom/naturalValues';
import dcmjs, { type DicomDict, type DicomJsonDataset } from 'dcmjs';
import { SEGQC_SCHEME_DESIGNATOR, segqcCodingSchemeIdentification } from '../codes/segqcScheme';
import { assertReadablePart10 } from '../dicom/assertReadablePart10';
import { checkSequenceDepth } from '../dicom/checkSequenceDepth';
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { personIdentificationItem } from '../dicom/personIdentification';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/part10';
import { MAX_PART10_BYTES } from '../dicom/readLimits';
import { specificCharacterSetFor } from '../dicom/specificCharacterSet';
import { checkPersonName } from '../dicom/vrChecks';
import { PIXEL_DATA_TAG } from '../seg/read/dataDictionary';
import { IMPLICIT_VR_LITTLE_ENDIAN, parseDicomFile } from '../seg/read/parseDicomFile';
import type { AuthenticatedIdentity } from './AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from './checkAuthenticatedIdentity';
import { creatorMarkerOf, creatorMarkerSuffix, withCreatorMarker } from './creatorMarker';
import { OIDC_SUBJECT_SCHEME_DESIGNATOR, oidcSubjectCode, oidcSubjectCodingSchemeIdentification } from './oidcSubjectScheme';
import { segCreatorIdentity } from './segCreatorIdentity';

/** The signed-in user as the SEG will record them. */
export interface StampedCreator {
  /** ContentCreatorName, DICOM PN (`Family^Given`, or a name as one component). */
  name: string;
  /** The login, the first code of the creator's PersonIdentificationCodeSequence (99SEGQC). */
  login: string;
  /** The Person Identification Macro's InstitutionName (type 1C: no InstitutionCodeSequence is written). */
  institutionName: string;
  authentication: AuthenticatedIdentity;
}

const TRANSFER_SYNTAX_UID = '00020010';
const PIXEL_DATA = '7FE00010';
/** SpecificCharacterSet, CodingSchemeIdentificationSequence, ContentDescription, ContentCreatorName, ContentCreatorIdentificationCodeSequence. */
const CREATOR_TAGS = ['00080005', '00080110', '00700081', '00700084', '00700086'];

const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
/** What buildBinarySeg describes a SEG as when its writer does not say. */
const DEFAULT_CONTENT_DESCRIPTION = 'Segmentation';
/** Tag, VR, two reserved bytes and a 4-byte length: an OB/OW element's header in explicit VR (PS3.5 7.1.2). */
const EXPLICIT_LONG_HEADER_BYTES = 12;

/**
 * Whether a SEG header names a creator: a ContentCreatorName, or any code of its creator's
 * PersonIdentificationCodeSequence (a login or a subject). One that does is never stamped.
 */
export function segNamesCreator(header: NaturalDataset): boolean {
  if (segCreatorIdentity(header).name !== undefined) return true;
  const creators = sequenceItems(header['ContentCreatorIdentificationCodeSequence']);
  return creators.some((creator) => sequenceItems(creator['PersonIdentificationCodeSequence']).some((code) => ['CodeValue', 'LongCodeValue', 'URNCodeValue'].some((key) => firstText(code[key]) !== undefined)));
}

/**
 * The Part 10 bytes of `bytes` with `creator` recorded as the SEG's authenticated creator. Throws a
 * DicomValueError (a RefusedObjectError for a deflated or oversized file) for a SEG that names a
 * creator already, a value the creator's attributes cannot hold, Explicit VR Big Endian (retired;
 * SegQC reads little endian only), or a file dcmjs or the parser cannot read.
 */
export function stampSegCreator(bytes: Uint8Array, creator: StampedCreator): Uint8Array {
  assertReadablePart10(bytes, MAX_PART10_BYTES);
  const header = readDicomDict(bytes, true);
  const transferSyntax = firstText(header.meta[TRANSFER_SYNTAX_UID]?.Value?.[0]) ?? '';
  if (transferSyntax === EXPLICIT_VR_BIG_ENDIAN) throw new DicomValueError('TransferSyntaxUID', `${transferSyntax} (Explicit VR Big Endian, retired) is not rewritten: SegQC reads little endian files`);
  const encapsulated = transferSyntax !== IMPLICIT_VR_LITTLE_ENDIAN && transferSyntax !== EXPLICIT_VR_LITTLE_ENDIAN;
  const file = encapsulated ? header : readDicomDict(bytes, false);
  // The placeholder dcmjs leaves where it stopped reading: Pixel Data follows as it was.
  if (encapsulated) delete file.dict[PIXEL_DATA];

  const { DicomMetaDictionary } = dcmjs.data;
  const current = DicomMetaDictionary.naturalizeDataset(pick(file.dict, CREATOR_TAGS)) as NaturalDataset;
  if (segNamesCreator(current)) throw new DicomValueError('ContentCreatorName', 'the SEG names its creator already: only a SEG that names none is given the signed-in user as its creator');
  Object.assign(file.dict, DicomMetaDictionary.denaturalizeDataset(creatorAttributes(current, creator)));

  const out = new dcmjs.data.DicomDict(file.meta);
  out.dict = file.dict;
  // Another writer's over-long value is kept as it was, not refused: only the creator's attributes are SegQC's.
  const written = new Uint8Array(out.write({ allowInvalidVRLength: true }));
  if (!encapsulated) return written;
  const pixelData = bytes.subarray(pixelDataElementStart(bytes));
  const stamped = new Uint8Array(written.length + pixelData.length);
  stamped.set(written, 0);
  stamped.set(pixelData, written.length);
  return stamped;
}

/** The creator's attributes as buildBinarySeg writes them for an authenticated creator, other coding schemes kept. */
function creatorAttributes(current: NaturalDataset, creator: StampedCreator): NaturalDataset {
  const subjectKeyword = typeof creator.authentication?.subject === 'string' && creator.authentication.subject.length > 16 ? 'LongCodeValue' : 'CodeValue';
  const authentication = checkAuthenticatedIdentity(creator.authentication, {
    identity: 'creator.authentication',
    issuer: 'CodingSchemeIdentificationSequence.CodingSchemeResponsibleOrganization',
    subject: `ContentCreatorIdentificationCodeSequence[0].PersonIdentificationCodeSequence[1].${subjectKeyword}`,
  });
  const identification = personIdentificationItem(
    { name: creator.name, login: creator.login, institutionName: creator.institutionName },
    'ContentCreatorIdentificationCodeSequence[0]',
  );
  // PS3.3 Table 10-1 allows several codes for one person: the login first, then the subject.
  (identification['PersonIdentificationCodeSequence'] as NaturalDataset[]).push(oidcSubjectCode(authentication.subject));
  // One 99SEGQC-OIDC declaration, this issuer's: a stale one would make segCreatorIdentity read no sign-in.
  const schemes = sequenceItems(current['CodingSchemeIdentificationSequence']).filter((scheme) => firstText(scheme['CodingSchemeDesignator']) !== OIDC_SUBJECT_SCHEME_DESIGNATOR);
  if (!schemes.some((scheme) => firstText(scheme['CodingSchemeDesignator']) === SEGQC_SCHEME_DESIGNATOR)) schemes.push(segqcCodingSchemeIdentification());
  schemes.push(oidcSubjectCodingSchemeIdentification(authentication.issuer));
  const attributes: NaturalDataset = {
    ContentCreatorName: checkPersonName(creator.name, 'ContentCreatorName'),
    ContentCreatorIdentificationCodeSequence: [identification],
    CodingSchemeIdentificationSequence: schemes,
    ContentDescription: authenticatedDescription(firstText(current['ContentDescription'])),
  };
  // dcmjs writes text as UTF-8 and, reading a file that declares a character set, declares ISO_IR 192.
  const characterSet = current['SpecificCharacterSet'] === undefined ? specificCharacterSetFor(attributes) : undefined;
  return characterSet ? { ...attributes, SpecificCharacterSet: characterSet } : attributes;
}

/**
 * What the description said (a creator marker it ended with dropped: it named no creator), else
 * buildBinarySeg's default, then "; creator authenticated"; the words cut to fit LO's 64 characters.
 */
function authenticatedDescription(description: string | undefined): string {
  const said = description !== undefined && creatorMarkerOf(description) !== undefined ? description.slice(0, description.lastIndexOf('; creator ')) : description ?? '';
  const room = 64 - creatorMarkerSuffix('authenticated').length;
  const words = said.trim().slice(0, room).trimEnd() || DEFAULT_CONTENT_DESCRIPTION;
  return withCreatorMarker(words, 'authenticated');
}

/** Where the top-level Pixel Data element starts: encapsulated, it is always in explicit VR (PS3.5 A.4). */
function pixelDataElementStart(bytes: Uint8Array): number {
  const pixelData = parseDicomFile(bytes).dataset.get(PIXEL_DATA_TAG);
  if (!pixelData?.encapsulated) throw new DicomValueError('PixelData', 'the SEG has no encapsulated Pixel Data, which its transfer syntax requires');
  return pixelData.offset - EXPLICIT_LONG_HEADER_BYTES;
}

function readDicomDict(bytes: Uint8Array, untilPixelData: boolean): DicomDict {
  // dcmjs reads from an ArrayBuffer from offset 0: copy a view into a larger one.
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
  let file: DicomDict;
  try {
    file = dcmjs.data.DicomMessage.readFile(buffer, untilPixelData ? { untilTag: PIXEL_DATA, includeUntilTagValue: false } : undefined);
  } catch (error) {
    throw new DicomValueError('(file)', `is not a readable DICOM Part 10 file: ${error instanceof Error ? error.message : String(error)}`);
  }
  checkSequenceDepth(file.dict);
  return file;
}

function pick(dict: DicomJsonDataset, tags: readonly string[]): DicomJsonDataset {
  return Object.fromEntries(tags.flatMap((tag) => (dict[tag] !== undefined ? [[tag, dict[tag]]] : [])));
}

