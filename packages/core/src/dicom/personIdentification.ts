/**
 * The Person Identification Macro (PS3.3 Table 10-1) for a SegQC user: the login as a code in the
 * local 99SEGQC scheme (PersonIdentificationCodeSequence), and the institution (InstitutionName is
 * type 1C: required when InstitutionCodeSequence is absent).
 */
import { SEGQC_SCHEME_DESIGNATOR } from '../codes/segqcScheme';
import { CodedConcept } from './CodedConcept';
import { joinAttributePath } from './DicomValueError';
import type { NaturalDataset } from './NaturalDataset';
import { checkLongString, checkPersonName } from './vrChecks';

export interface IdentifiedPerson {
  /** DICOM PN, e.g. `Rivera^Ana`. */
  name: string;
  /** The user's login in the SegQC deployment, e.g. `arivera`. */
  login: string;
  institutionName: string;
}

/** The macro's attributes as one sequence item; `path` locates the item for error messages. */
export function personIdentificationItem(person: IdentifiedPerson, path: string): NaturalDataset {
  checkPersonName(person.name, joinAttributePath(path, 'PersonName'));
  checkLongString(person.institutionName, joinAttributePath(path, 'InstitutionName'));
  const code = new CodedConcept(
    { value: person.login, scheme: SEGQC_SCHEME_DESIGNATOR, meaning: displayName(person.name) },
    joinAttributePath(path, 'PersonIdentificationCodeSequence[0]'),
  );
  return {
    PersonIdentificationCodeSequence: [code.toItem()],
    InstitutionName: person.institutionName,
  };
}

/** `Family^Given^Middle^Prefix^Suffix` as "Prefix Given Middle Family Suffix" (alphabetic group). */
export function displayName(personName: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = personName.split('=')[0].split('^');
  return [prefix, given, middle, family, suffix].filter((part) => part.trim() !== '').join(' ').slice(0, 64);
}
