/**
 * SegQC's private coding scheme (PS3.16 §8.2: designators beginning with "99" are local), declared
 * in the Coding Scheme Identification Sequence (0008,0110) of every object that uses it.
 */
import type { NaturalDataset } from '../dicom/NaturalDataset';

export const SEGQC_SCHEME_DESIGNATOR = '99SEGQC';

/** The Coding Scheme Identification Sequence item that declares the 99SEGQC scheme (PS3.3 C.12.1). */
export function segqcCodingSchemeIdentification(): NaturalDataset {
  return {
    CodingSchemeDesignator: SEGQC_SCHEME_DESIGNATOR,
    CodingSchemeName: 'SegQC local codes: user logins and quality-control concepts',
    CodingSchemeResponsibleOrganization: 'SegQC project',
  };
}
