/**
 * An AuthenticatedIdentity that every SegQC writer can record: the issuer an http(s) URL of one
 * line (OpenID Connect Core 1.0 §2: a case-sensitive URL), at most 1024 characters (ST, the
 * CodingSchemeResponsibleOrganization it is written to in a SEG); the subject one line of at most
 * 1024 characters without a backslash (a SEG writes it as CodeValue SH or LongCodeValue UC, whose
 * value delimiter the backslash is). Neither may start or end with a space: DICOM pads with
 * spaces, so such a value would not read back as written. Throws a DicomValueError naming the path
 * of the attribute the caller writes the value to.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { checkShortText, checkUnlimitedCharacters } from '../dicom/vrChecks';
import type { AuthenticatedIdentity } from './AuthenticatedIdentity';

export interface AuthenticatedIdentityPaths {
  /** Where the whole identity is given, for a value that is not an object of two strings. */
  identity: string;
  issuer: string;
  subject: string;
}

const ISSUER_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export function checkAuthenticatedIdentity(value: unknown, paths: AuthenticatedIdentityPaths): AuthenticatedIdentity {
  if (value === null || typeof value !== 'object') throw new DicomValueError(paths.identity, 'an authenticated identity needs the issuer and the subject of the sign-in');
  const { issuer, subject } = value as Partial<AuthenticatedIdentity>;
  if (typeof issuer !== 'string') throw new DicomValueError(paths.issuer, 'the issuer must be a string');
  if (typeof subject !== 'string') throw new DicomValueError(paths.subject, 'the subject must be a string');
  checkShortText(issuer, paths.issuer);
  if (!ISSUER_URL.test(issuer)) throw new DicomValueError(paths.issuer, `"${issuer}" is not an OpenID Provider issuer (an http or https URL on one line)`);
  checkUnlimitedCharacters(subject, paths.subject);
  if (subject.trim() !== subject) throw new DicomValueError(paths.subject, 'must not start or end with a space');
  return { issuer, subject };
}
