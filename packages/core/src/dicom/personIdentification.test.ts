// The annotator's identity in a SEG: ContentCreatorName plus the Person Identification Macro
// (PS3.3 Table 10-1), so audit trails can match a SEG to a login, not only to a typed name.
import { displayName, personIdentificationItem } from './personIdentification';
import { DicomValueError } from './DicomValueError';

describe('personIdentificationItem', () => {
  it('codes the login in the 99SEGQC scheme with the readable name as meaning, plus the institution', () => {
    expect(personIdentificationItem({ name: 'Okafor^Chidi', login: 'cokafor', institutionName: 'SegQC Demo Hospital' }, 'X[0]')).toEqual({
      PersonIdentificationCodeSequence: [{ CodeValue: 'cokafor', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Chidi Okafor' }],
      InstitutionName: 'SegQC Demo Hospital',
    });
  });

  it('names the path of an invalid institution', () => {
    expect(() => personIdentificationItem({ name: 'A^B', login: 'ab', institutionName: '' }, 'ContentCreatorIdentificationCodeSequence[0]')).toThrow(
      new DicomValueError('ContentCreatorIdentificationCodeSequence[0].InstitutionName', 'is required (type 1) and must not be empty'),
    );
  });
});

describe('displayName', () => {
  it.each([
    ['Rivera^Ana', 'Ana Rivera'],
    ['Lindqvist^Maria^E^Dr.^MD', 'Dr. Maria E Lindqvist MD'],
    ['Chen^Wei=陳^偉', 'Wei Chen'],
    ['Okafor', 'Okafor'],
  ])('shows %s as "%s"', (pn, shown) => {
    expect(displayName(pn)).toBe(shown);
  });
});
