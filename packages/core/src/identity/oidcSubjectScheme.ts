/**
 * The local coding scheme 99SEGQC-OIDC (PS3.16 §8.2: a designator beginning with "99" is local)
 * whose code values are OpenID Connect subjects. A subject is unique only at its issuer, so an
 * object that uses the scheme declares it in its Coding Scheme Identification Sequence (0008,0110,
 * PS3.3 C.12.1) with the issuer as CodingSchemeResponsibleOrganization: one object, one issuer.
 */
import type { NaturalDataset } from '../dicom/NaturalDataset';

export const OIDC_SUBJECT_SCHEME_DESIGNATOR = '99SEGQC-OIDC';
export const OIDC_SUBJECT_SCHEME_NAME = 'OpenID Connect subject identifiers';
export const OIDC_SUBJECT_CODE_MEANING = 'OpenID Connect subject';

/**
 * The subject as a code (Code Sequence Macro, PS3.3 Table 8.8-1): CodeValue (SH) when it has at
 * most 16 characters, else LongCodeValue (UC). Never URNCodeValue, even for a subject that looks
 * like a URL: it is an identifier at the issuer, not a resource. checkAuthenticatedIdentity has
 * checked it.
 */
export function oidcSubjectCode(subject: string): NaturalDataset {
  return {
    [subject.length <= 16 ? 'CodeValue' : 'LongCodeValue']: subject,
    CodingSchemeDesignator: OIDC_SUBJECT_SCHEME_DESIGNATOR,
    CodeMeaning: OIDC_SUBJECT_CODE_MEANING,
  };
}

/** The Coding Scheme Identification Sequence item that declares the scheme of `issuer`'s subjects. */
export function oidcSubjectCodingSchemeIdentification(issuer: string): NaturalDataset {
  return {
    CodingSchemeDesignator: OIDC_SUBJECT_SCHEME_DESIGNATOR,
    CodingSchemeName: OIDC_SUBJECT_SCHEME_NAME,
    CodingSchemeResponsibleOrganization: issuer,
  };
}
