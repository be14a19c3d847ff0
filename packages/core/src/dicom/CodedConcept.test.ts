// Codes are how SegQC says what a segment is (SNOMED CT) and who made it (99SEGQC logins); the
// Code Sequence Macro has length rules per VR that other readers enforce.
import { CodedConcept } from './CodedConcept';
import { DicomValueError } from './DicomValueError';
import { SCT } from '../codes/sct';

describe('CodedConcept', () => {
  it('writes a short value as CodeValue', () => {
    expect(new CodedConcept(SCT.Lung).toItem()).toEqual({ CodeValue: '39607008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Lung' });
  });

  it('writes a value longer than 16 characters as LongCodeValue and a URN as URNCodeValue', () => {
    expect(new CodedConcept({ value: 'firstname.lastname01', scheme: '99SEGQC', meaning: 'A user' }).toItem()).toEqual({
      LongCodeValue: 'firstname.lastname01', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'A user',
    });
    expect(new CodedConcept({ value: 'urn:oid:1.2.840.10008.6.1.1', scheme: 'urn', meaning: 'x' }).toItem()).toHaveProperty('URNCodeValue');
  });

  it('writes the scheme version when given', () => {
    expect(new CodedConcept({ value: 'a', scheme: '99X', meaning: 'b', schemeVersion: '1.0' }).toItem()).toEqual({
      CodeValue: 'a', CodingSchemeDesignator: '99X', CodingSchemeVersion: '1.0', CodeMeaning: 'b',
    });
  });

  it('compares by value and scheme, not meaning', () => {
    expect(new CodedConcept(SCT.Lung).equals({ value: '39607008', scheme: 'SCT', meaning: 'Lung structure' })).toBe(true);
    expect(new CodedConcept(SCT.Lung).equals({ value: '39607008', scheme: 'SRT', meaning: 'Lung' })).toBe(false);
  });

  it.each([
    ['empty value', { value: '', scheme: 'SCT', meaning: 'x' }, 'X[0].CodeValue'],
    ['empty scheme', { value: '1', scheme: '', meaning: 'x' }, 'X[0].CodingSchemeDesignator'],
    ['17-character scheme', { value: '1', scheme: 'S'.repeat(17), meaning: 'x' }, 'X[0].CodingSchemeDesignator'],
    ['empty meaning', { value: '1', scheme: 'SCT', meaning: ' ' }, 'X[0].CodeMeaning'],
    ['long value with a backslash', { value: 'a'.repeat(20) + '\\', scheme: '99X', meaning: 'x' }, 'X[0].LongCodeValue'],
  ])('rejects an %s naming the path', (_, init, path) => {
    try {
      new CodedConcept(init, 'X[0]');
      throw new Error('expected a DicomValueError');
    } catch (error) {
      expect(error).toBeInstanceOf(DicomValueError);
      expect((error as DicomValueError).attributePath).toBe(path);
    }
  });
});
