// ContentLabel is how SegQC tells an annotation from a reference standard: only the three roles
// are written, spelt as CS requires.
import { SEG_CONTENT_LABELS, checkSegContentLabel, isSegContentLabel } from './SegContentLabel';
import { SegValueError } from './SegValueError';

describe('SegContentLabel', () => {
  it('has the three roles of the data model', () => {
    expect(Object.keys(SEG_CONTENT_LABELS)).toEqual(['ANNOTATION', 'ADJUDICATED', 'GOLD']);
    for (const role of Object.keys(SEG_CONTENT_LABELS)) expect(checkSegContentLabel(role)).toBe(role);
  });

  it.each([['gold'], ['REVIEW'], [''], [undefined], ['toString']])('rejects %j naming ContentLabel', (value) => {
    expect(isSegContentLabel(value)).toBe(false);
    expect(() => checkSegContentLabel(value)).toThrow(SegValueError);
    expect(() => checkSegContentLabel(value)).toThrow(/^ContentLabel: /);
  });
});
