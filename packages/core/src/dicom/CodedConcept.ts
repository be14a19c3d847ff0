/**
 * A coded concept: the Code Sequence Macro (PS3.3 Table 8.8-1), validated on construction.
 * A code value of up to 16 characters is written as CodeValue (SH); a longer one as LongCodeValue
 * (UC), as PS3.3 §8.8 requires; a URN/URL as URNCodeValue.
 */
import { DicomValueError, joinAttributePath } from './DicomValueError';
import type { NaturalDataset } from './NaturalDataset';
import { checkLongString, checkShortString, checkUnlimitedCharacters } from './vrChecks';

/** A code as plain data: value, coding scheme designator (e.g. SCT, DCM, 99SEGQC), meaning. */
export interface CodeInit {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
  readonly schemeVersion?: string;
}

export class CodedConcept implements CodeInit {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
  readonly schemeVersion?: string;

  /** @param path where the code item will be written, for error messages (e.g. `...CodeSequence[0]`). */
  constructor(init: CodeInit, path = '') {
    const at = (keyword: string): string => joinAttributePath(path, keyword);
    if (init === null || typeof init !== 'object') throw new DicomValueError(path || '(code)', 'a code needs value, scheme and meaning');
    const valuePath = at(init.value?.length > 16 ? (isUrn(init.value) ? 'URNCodeValue' : 'LongCodeValue') : 'CodeValue');
    if (typeof init.value !== 'string' || init.value.trim() === '') throw new DicomValueError(at('CodeValue'), 'is required and must not be empty');
    if (init.value.length <= 16) checkShortString(init.value, valuePath);
    else if (!isUrn(init.value)) checkUnlimitedCharacters(init.value, valuePath);
    checkShortString(init.scheme, at('CodingSchemeDesignator'));
    checkLongString(init.meaning, at('CodeMeaning'));
    if (init.schemeVersion !== undefined) checkShortString(init.schemeVersion, at('CodingSchemeVersion'));
    this.value = init.value;
    this.scheme = init.scheme;
    this.meaning = init.meaning;
    if (init.schemeVersion !== undefined) this.schemeVersion = init.schemeVersion;
    Object.freeze(this);
  }

  /** Two codes are the same concept when value and scheme match (the meaning is display text). */
  equals(other: CodeInit): boolean {
    return this.value === other.value && this.scheme === other.scheme;
  }

  /** The code as one naturalized sequence item. */
  toItem(): NaturalDataset {
    const item: NaturalDataset = {};
    if (this.value.length <= 16) item['CodeValue'] = this.value;
    else if (isUrn(this.value)) item['URNCodeValue'] = this.value;
    else item['LongCodeValue'] = this.value;
    item['CodingSchemeDesignator'] = this.scheme;
    if (this.schemeVersion !== undefined) item['CodingSchemeVersion'] = this.schemeVersion;
    item['CodeMeaning'] = this.meaning;
    return item;
  }

  /** A CodedConcept from `code`, or `code` itself when it already is one. */
  static from(code: CodeInit, path = ''): CodedConcept {
    return code instanceof CodedConcept ? code : new CodedConcept(code, path);
  }
}

function isUrn(value: string): boolean {
  return /^(urn|https?):/i.test(value);
}
