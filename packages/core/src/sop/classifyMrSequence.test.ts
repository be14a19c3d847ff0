// Sequence class from the description first, then from TR/TE/TI (the thresholds in the file's header).
import { classifyMrSequence, hasContrastAgent } from './classifyMrSequence';

const mr = (attributes: object) => classifyMrSequence({ Modality: 'MR', ...attributes });

test.each([
  ['AX T2 FLAIR', 'FLAIR'], ['FLAIR axial', 'FLAIR'], ['T1 FLAIR sag', 'T1'], ['sag MPRAGE', 'T1'], ['AX SPGR', 'T1'],
  ['T1W_SE', 'T1'], ['T2 TSE axial', 'T2'], ['DWI b1000', 'DWI'], ['ADC map', 'DWI'], ['Diffusion trace', 'DWI'], ['Localizer', null],
])('description %p gives %p', (SeriesDescription, expected) => {
  expect(mr({ SeriesDescription }).sequenceClass).toBe(expected);
});

test('timing decides when the description is silent', () => {
  expect(mr({ ScanningSequence: ['SE', 'IR'], InversionTime: 2500, RepetitionTime: 9000, EchoTime: 120 }).sequenceClass).toBe('FLAIR');
  expect(mr({ ScanningSequence: 'IR\\GR', InversionTime: '900', RepetitionTime: '2300', EchoTime: '2.3' }).sequenceClass).toBeNull();
  expect(mr({ ScanningSequence: 'SE', RepetitionTime: '500', EchoTime: '12' }).sequenceClass).toBe('T1');
  expect(mr({ ScanningSequence: 'SE', RepetitionTime: 4000, EchoTime: 100 })).toMatchObject({ sequenceClass: 'T2', evidence: 'long TR 4000 ms and TE 100 ms' });
});

test('contrast from the agent or the description', () => {
  expect(mr({ SeriesDescription: 'T1 SE', ContrastBolusAgent: 'Gadobutrol' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 SE', ContrastBolusAgent: 'NONE' }).contrast).toBe(false);
  expect(mr({ SeriesDescription: 'AX T1 +C' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 POST' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 GAD' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 posterior fossa' }).contrast).toBe(false);
  expect(hasContrastAgent('')).toBe(false);
});
