// dcmjs writes text as UTF-8; the declared character set must say so exactly when it matters.
import { specificCharacterSetFor } from './specificCharacterSet';

describe('specificCharacterSetFor', () => {
  it('declares nothing for an all-ASCII dataset, however nested', () => {
    expect(specificCharacterSetFor({ PatientName: 'Rivera^Ana', SegmentSequence: [{ SegmentLabel: 'Right lung' }], PixelData: [new ArrayBuffer(4)] })).toBeUndefined();
  });

  it('declares ISO_IR 192 when any string, even in a sequence item, is not ASCII', () => {
    expect(specificCharacterSetFor({ PatientName: 'Müller^Jürgen' })).toBe('ISO_IR 192');
    expect(specificCharacterSetFor({ SegmentSequence: [{ SegmentLabel: 'Lésion' }] })).toBe('ISO_IR 192');
  });
});
