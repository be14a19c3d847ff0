/**
 * Who made a SEG, as its header records it: ContentCreatorName, the login (the first code of the
 * creator's Person Identification Code Sequence that is not a subject, PS3.3 Table 10-1),
 * ContentLabel, and the authenticated identity when — and only when — the SEG records all of it:
 * the ContentDescription says "creator authenticated" (creatorMarker.ts), the creator's codes hold
 * exactly one 99SEGQC-OIDC subject, and the Coding Scheme Identification Sequence declares that
 * scheme once with the issuer (oidcSubjectScheme.ts). Anything less — no marker, the old "signed
 * in", a missing or doubled code, an issuer that is not a URL — is a self-declared creator
 * (authentication absent), never an error: the header is the PACS's text.
 *
 * One reader for every shape a SEG header reaches SegQC in: readPart10's dataset (dcmjs: person
 * names as `[{ Alphabetic }]`), naturalizeDicomJson's (WADO-RS metadata: names as text), and OHIF's
 * instance metadata (a one-item sequence may be the item itself).
 */
import { firstText, sequenceItems } from '../dicom/naturalValues';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import type { AuthenticatedIdentity } from './AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from './checkAuthenticatedIdentity';
import { creatorMarkerOf } from './creatorMarker';
import { OIDC_SUBJECT_SCHEME_DESIGNATOR } from './oidcSubjectScheme';

export interface SegCreatorIdentity {
  /** ContentCreatorName, DICOM PN `Family^Given` (its alphabetic group). */
  name?: string;
  login?: string;
  contentLabel?: string;
  /** Absent: the creator is self-declared. */
  authentication?: AuthenticatedIdentity;
}

export function segCreatorIdentity(dataset: NaturalDataset): SegCreatorIdentity {
  const name = personName(dataset['ContentCreatorName']);
  const contentLabel = firstText(dataset['ContentLabel']);
  const creator = sequenceItems(dataset['ContentCreatorIdentificationCodeSequence'])[0];
  const codes = creator === undefined ? [] : sequenceItems(creator['PersonIdentificationCodeSequence']);
  const loginCode = codes.find((code) => firstText(code['CodingSchemeDesignator']) !== OIDC_SUBJECT_SCHEME_DESIGNATOR);
  const login = loginCode === undefined ? undefined : codeValue(loginCode);
  const authentication = authenticationOf(dataset, codes);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(login !== undefined ? { login } : {}),
    ...(contentLabel !== undefined ? { contentLabel } : {}),
    ...(authentication !== undefined ? { authentication } : {}),
  };
}

function authenticationOf(dataset: NaturalDataset, codes: readonly NaturalDataset[]): AuthenticatedIdentity | undefined {
  if (creatorMarkerOf(firstText(dataset['ContentDescription'])) !== 'authenticated') return undefined;
  const ofScheme = (item: NaturalDataset) => firstText(item['CodingSchemeDesignator']) === OIDC_SUBJECT_SCHEME_DESIGNATOR;
  const subjects = codes.filter(ofScheme);
  const schemes = sequenceItems(dataset['CodingSchemeIdentificationSequence']).filter(ofScheme);
  if (subjects.length !== 1 || schemes.length !== 1) return undefined;
  const subject = codeValue(subjects[0]);
  const issuer = firstText(schemes[0]['CodingSchemeResponsibleOrganization']);
  try {
    return checkAuthenticatedIdentity({ issuer, subject }, { identity: '', issuer: '', subject: '' });
  } catch {
    return undefined;
  }
}

/** CodeValue, else LongCodeValue (PS3.3 Table 8.8-1). */
function codeValue(code: NaturalDataset): string | undefined {
  return firstText(code['CodeValue']) ?? firstText(code['LongCodeValue']);
}


/** A person name's alphabetic group, from `"A^B"`, `"A^B=…"`, `{ Alphabetic }` or a list of these. */
function personName(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  const alphabetic = single !== null && typeof single === 'object' ? (single as { Alphabetic?: unknown }).Alphabetic : single;
  return typeof alphabetic === 'string' ? firstText(alphabetic.split('=')[0]) : undefined;
}
