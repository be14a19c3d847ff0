// Sequence class from the acquisition physics first (IR and TI, TR/TE, b-value), the description
// when the header is silent or does not decide (issue 14), with the thresholds in the file's header;
// a disagreement between the two is said in words.
import { classifyMrSequence, descriptionReading, hasContrastAgent, headerReading } from './classifyMrSequence';
import { MR_PROTOCOLS } from './mrProtocols.fixture';

const mr = (attributes: object) => classifyMrSequence({ Modality: 'MR', ...attributes });

test('the protocol table holds at least 30 protocols of each of the four vendors', () => {
  expect(MR_PROTOCOLS.length).toBeGreaterThanOrEqual(30);
  for (const vendor of ['Siemens', 'GE', 'Philips', 'Canon']) expect(MR_PROTOCOLS.filter((p) => p.vendor === vendor).length).toBeGreaterThanOrEqual(6);
});

test.each(MR_PROTOCOLS.map((p) => [p.vendor, p.series.SeriesDescription, p.note, p] as const))('%s %p (%s)', (_vendor, _description, _note, protocol) => {
  const result = classifyMrSequence(protocol.series);
  expect({ sequenceClass: result.sequenceClass, decidedBy: result.decidedBy, contrast: result.contrast, disagreement: result.disagreement !== undefined })
    .toEqual({ ...protocol.expected, disagreement: protocol.expected.disagreement ?? false });
});

test.each([
  ['AX T2 FLAIR', 'FLAIR'], ['FLAIR axial', 'FLAIR'], ['T1 FLAIR sag', 'T1'], ['sag MPRAGE', 'T1'], ['AX SPGR', 'T1'],
  ['T1W_SE', 'T1'], ['T2 TSE axial', 'T2'], ['DWI b1000', 'DWI'], ['ADC map', 'DWI'], ['Diffusion trace', 'DWI'], ['Localizer', null],
  // Vendors' vocabulary
  ['t2_tirm_tra_dark-fluid', 'FLAIR'], ['t2_space_dark-fluid_sag_p2_iso', 'FLAIR'], ['t1_tirm_tra_dark-fluid', 'T1'], ['t2_tirm_cor', null],
  ['Sag T1 BRAVO', 'T1'], ['t1_vibe_fs_tra', 'T1'], ['sT1W_3D_TFE', 'T1'], ['Sag CUBE', 'T2'], ['t2_spc_sag', 'T2'], ['T2*_FFE', null], ['t2_swi_tra', null],
])('description alone: %p gives %p', (SeriesDescription, expected) => {
  expect(mr({ SeriesDescription }).sequenceClass).toBe(expected);
});

test('the header decides over the description: Siemens FLAIR named t2_tirm without dark-fluid', () => {
  const result = mr({ SeriesDescription: 't2_tirm_tra', ScanningSequence: ['SE', 'IR'], InversionTime: 2500, RepetitionTime: 9000, EchoTime: 81 });
  expect(result).toMatchObject({
    sequenceClass: 'FLAIR', decidedBy: 'header',
    disagreement: 'header says FLAIR (inversion recovery with TI 2500 ms), description "t2_tirm_tra" says STIR — chose FLAIR by the header',
  });
  expect(result.evidence).toBe('inversion recovery with TI 2500 ms; the description "t2_tirm_tra" says STIR, the header decides');
  const stir = mr({ SeriesDescription: 'AX T2', ScanningSequence: 'IR\\SE', InversionTime: 150, RepetitionTime: 4000, EchoTime: 60 });
  expect(stir).toMatchObject({ sequenceClass: null, decidedBy: 'header', header: { label: 'STIR' }, description: { sequenceClass: 'T2' } });
  expect(stir.disagreement).toBe('header says STIR (inversion recovery with TI 150 ms, TE 60 ms: fat nulled), description "AX T2" says T2 — chose no sequence class by the header (STIR is none of T1, T2, FLAIR, DWI)');
});

test('agreeing sources: the header decides and the evidence names both, without a disagreement', () => {
  const result = mr({ SeriesDescription: 'FLAIR axial', ScanningSequence: ['IR', 'SE'], InversionTime: 2500, RepetitionTime: 9000, EchoTime: 120 });
  expect(result).toMatchObject({ sequenceClass: 'FLAIR', decidedBy: 'header', evidence: 'inversion recovery with TI 2500 ms, as the description "FLAIR axial" says' });
  expect(result.disagreement).toBeUndefined();
});

test('timing decides when the description is silent', () => {
  expect(mr({ ScanningSequence: ['SE', 'IR'], InversionTime: 2500, RepetitionTime: 9000, EchoTime: 120 }).sequenceClass).toBe('FLAIR');
  // Was null before issue 14: an IR-prepared gradient echo with an intermediate TI and a short TE is an MPRAGE, T1.
  expect(mr({ ScanningSequence: 'IR\\GR', InversionTime: '900', RepetitionTime: '2300', EchoTime: '2.3' })).toMatchObject({ sequenceClass: 'T1', decidedBy: 'header' });
  expect(mr({ ScanningSequence: 'SE', RepetitionTime: '500', EchoTime: '12' }).sequenceClass).toBe('T1');
  expect(mr({ ScanningSequence: 'SE', RepetitionTime: 4000, EchoTime: 100 })).toMatchObject({ sequenceClass: 'T2', evidence: 'long TR 4000 ms and TE 100 ms' });
  expect(mr({ RepetitionTime: 4000, EchoTime: 100 })).toMatchObject({ sequenceClass: 'T2', decidedBy: 'header' });
  expect(mr({ DiffusionBValue: '1000', ScanningSequence: 'EP' })).toMatchObject({ sequenceClass: 'DWI', evidence: 'diffusion b-value 1000 s/mm²' });
  expect(mr({ ScanningSequence: 'SE', RepetitionTime: 3000, EchoTime: 15 })).toMatchObject({ sequenceClass: null, decidedBy: null });
  expect(mr({})).toMatchObject({ sequenceClass: null, decidedBy: null, header: null, description: null, evidence: 'neither the description nor TR/TE/TI name a sequence class' });
});

test('the ranges: STIR, the T1 band, FLAIR, and what does not decide', () => {
  const ir = (InversionTime: number, EchoTime: number, RepetitionTime = 9000) => headerReading({ Modality: 'MR', ScanningSequence: 'IR', InversionTime, EchoTime, RepetitionTime });
  expect(ir(150, 60)).toMatchObject({ sequenceClass: null, label: 'STIR', decisive: true });
  expect(ir(300, 70)).toMatchObject({ label: 'STIR' });
  expect(ir(250, 3, 10)).toMatchObject({ sequenceClass: 'T1', decisive: true }); // inversion-prepared turbo-FLASH
  expect(ir(1100, 3, 2300)).toMatchObject({ sequenceClass: 'T1', decisive: true });
  expect(ir(900, 100)).toMatchObject({ sequenceClass: null, decisive: false }); // long TE, intermediate TI: DIR-like
  expect(ir(1500, 90)).toMatchObject({ sequenceClass: 'FLAIR', decisive: true });
  expect(ir(3500, 90)).toMatchObject({ sequenceClass: 'FLAIR', decisive: true });
  expect(ir(2500, 3, 5000)).toMatchObject({ sequenceClass: null, decisive: false }); // MP2RAGE second inversion
  expect(ir(4000, 90)).toMatchObject({ sequenceClass: null, decisive: false });
  // GE writes TI 0 for sequences without inversion: not an inversion.
  expect(headerReading({ Modality: 'MR', ScanningSequence: 'SE', InversionTime: 0, RepetitionTime: 500, EchoTime: 10 })).toMatchObject({ sequenceClass: 'T1' });
  expect(headerReading({ Modality: 'MR', ScanningSequence: 'IR', RepetitionTime: 9000, EchoTime: 100 })).toMatchObject({ sequenceClass: null, decisive: false });
  expect(headerReading({ Modality: 'MR', ScanningSequence: 'EP', RepetitionTime: 6000, EchoTime: 80 })).toMatchObject({ label: 'echo planar', decisive: false });
  expect(headerReading({ Modality: 'MR', ScanningSequence: 'GR', RepetitionTime: 600, EchoTime: 20 })).toMatchObject({ label: 'T2*', decisive: true });
  expect(headerReading({ Modality: 'MR', SeriesDescription: 'T1' })).toBeNull();
});

test('a header that does not decide leaves it to the description, and says so', () => {
  const result = mr({ SeriesDescription: 'Ax DWI', ScanningSequence: 'EP', RepetitionTime: 6000, EchoTime: 80 });
  expect(result).toMatchObject({ sequenceClass: 'DWI', decidedBy: 'description' });
  expect(result.evidence).toBe('description "Ax DWI"; the header does not decide (echo planar without a b-value, TR 6000 ms and TE 80 ms)');
  expect(result.disagreement).toBeUndefined();
  expect(descriptionReading('  ')).toBeNull();
});

test('contrast from the agent or the description', () => {
  expect(mr({ SeriesDescription: 'T1 SE', ContrastBolusAgent: 'Gadobutrol' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 SE', ContrastBolusAgent: 'NONE' }).contrast).toBe(false);
  expect(mr({ SeriesDescription: 'AX T1 +C' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 POST' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 GAD' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 't1_mprage_sag_KM' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 C+' }).contrast).toBe(true);
  expect(mr({ SeriesDescription: 'T1 posterior fossa' }).contrast).toBe(false);
  expect(hasContrastAgent('')).toBe(false);
});
