/**
 * From OHIF's metadata to what selectSop reads. The demo cohort's MR T1, T2 and FLAIR series
 * (packages/demo-data: the descriptions of the cohort plan and the acquisition parameters as the
 * demo scanner writes them) go through DICOM JSON and back with dcmjs, as OHIF naturalizes WADO-RS
 * metadata, and must give the attributes and the SOP a coordinator would pick.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { loadSop, selectSop } from '@segqc/core';
import { demoCohort, type MrSequence } from '@segqc/demo-data';
import { MR_SEQUENCES } from '../../../../packages/demo-data/src/mr/mrSliceDataset';
import type { DisplaySet, InstanceMetadata } from '../services';
import { seriesSopAttributes } from './seriesSopAttributes';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const LIBRARY = readdirSync(SOP_DIR)
  .filter((name) => name.endsWith('.json') && name !== 'sop.schema.json')
  .map((name) => loadSop(readJson(name), readJson('sop.schema.json')));

const { DicomMetaDictionary } = dcmjs.data;
/** An instance as OHIF holds it after WADO-RS metadata: DICOM JSON naturalized by dcmjs. */
const throughDicomJson = (dataset: Record<string, unknown>): InstanceMetadata => DicomMetaDictionary.naturalizeDataset(DicomMetaDictionary.denaturalizeDataset(dataset));

function demoDisplaySet(sequence: MrSequence, extra: Record<string, unknown> = {}): DisplaySet {
  const series = demoCohort({ cases: ['mr-01'] })[0].series.find((s) => s.sequence === sequence);
  if (!series) throw new Error(`the demo MR case has no ${sequence} series`);
  const { offsetSeconds: _offset, ...acquisition } = MR_SEQUENCES[sequence];
  const header = { Modality: series.Modality, SeriesDescription: series.SeriesDescription, SeriesInstanceUID: series.SeriesInstanceUID, ...acquisition, ...extra };
  return {
    displaySetInstanceUID: `ds-${sequence}`, StudyInstanceUID: '2.25.1', SeriesInstanceUID: series.SeriesInstanceUID,
    Modality: series.Modality, SeriesDescription: String(header.SeriesDescription), instances: [throughDicomJson(header)],
  };
}

test('demo T1, T2 and FLAIR give their description, sequence and timing as selectSop reads them', () => {
  expect(seriesSopAttributes(demoDisplaySet('T1'))).toEqual({
    Modality: 'MR', SeriesDescription: 'T1 SE axial', ScanningSequence: 'SE', SequenceVariant: 'NONE', RepetitionTime: 500, EchoTime: 10,
  });
  expect(seriesSopAttributes(demoDisplaySet('T2'))).toEqual({
    Modality: 'MR', SeriesDescription: 'T2 TSE axial', ScanningSequence: 'SE', SequenceVariant: ['SK', 'SP'], RepetitionTime: 4000, EchoTime: 100,
  });
  expect(seriesSopAttributes(demoDisplaySet('FLAIR'))).toEqual({
    Modality: 'MR', SeriesDescription: 'FLAIR axial', ScanningSequence: ['IR', 'SE'], SequenceVariant: ['SK', 'SP', 'MP'],
    RepetitionTime: 9000, EchoTime: 120, InversionTime: 2500,
  });
});

test('the demo series get the SOPs of the library: FLAIR the lesion SOP, T1 with gadolinium the post-contrast SOP, T2 none', () => {
  expect(selectSop(LIBRARY, seriesSopAttributes(demoDisplaySet('FLAIR'))).sop?.id).toBe('mr-brain-flair-lesion');
  expect(selectSop(LIBRARY, seriesSopAttributes(demoDisplaySet('T1'))).sop).toBeNull();
  expect(selectSop(LIBRARY, seriesSopAttributes(demoDisplaySet('T1', { ContrastBolusAgent: 'Gadobutrol' })))).toEqual({
    sop: expect.objectContaining({ id: 'mr-t1-postcontrast' }),
    // Issue 14: the header's short TR/TE decides, the description agreeing (it alone decided before).
    reason: expect.stringContaining('MR T1 with contrast (short TR 500 ms and TE 10 ms, as the description "T1 SE axial" says, contrast agent Gadobutrol)'),
  });
  expect(selectSop(LIBRARY, seriesSopAttributes(demoDisplaySet('T2'))).reason).toContain('no SOP in the library applies to MR T2 without contrast');
});

test('without a description the timing decides: the demo FLAIR read from TI, the T1 from TR/TE', () => {
  const flair = seriesSopAttributes(demoDisplaySet('FLAIR', { SeriesDescription: '' }));
  expect(flair.SeriesDescription).toBeUndefined();
  expect(selectSop(LIBRARY, flair)).toEqual({ sop: expect.objectContaining({ id: 'mr-brain-flair-lesion' }), reason: expect.stringContaining('inversion recovery with TI 2500 ms') });
  const t1 = seriesSopAttributes(demoDisplaySet('T1', { SeriesDescription: 'AX 3', ContrastBolusAgent: 'Gadoterate' }));
  expect(selectSop(LIBRARY, t1)).toEqual({ sop: expect.objectContaining({ id: 'mr-t1-postcontrast' }), reason: expect.stringContaining('short TR 500 ms and TE 10 ms') });
});

test('an instance alone, decimal strings and a display set without instances', () => {
  expect(seriesSopAttributes({ Modality: 'mr', SeriesDescription: ' AX FLAIR ', RepetitionTime: '9000', EchoTime: ['120'], InversionTime: '2500.0', ContrastBolusAgent: '' })).toEqual({
    Modality: 'MR', SeriesDescription: 'AX FLAIR', RepetitionTime: 9000, EchoTime: 120, InversionTime: 2500,
  });
  expect(seriesSopAttributes({ displaySetInstanceUID: 'ds', StudyInstanceUID: '1', SeriesInstanceUID: '2', Modality: 'CT', SeriesDescription: 'Chest' })).toEqual({ Modality: 'CT', SeriesDescription: 'Chest' });
});

test('an Enhanced MR image is read from its functional groups (PS3.3 C.8.13.5)', () => {
  const enhanced = {
    Modality: 'MR', SeriesDescription: 'sag 3D', EchoPulseSequence: 'SPIN',
    SharedFunctionalGroupsSequence: [{
      MRTimingAndRelatedParametersSequence: [{ RepetitionTime: 5000 }],
      MRModifierSequence: { InversionRecovery: 'YES', InversionTimes: [1800] },
    }],
    PerFrameFunctionalGroupsSequence: [{ MREchoSequence: [{ EffectiveEchoTime: 390 }] }],
  };
  const attributes = seriesSopAttributes(enhanced);
  expect(attributes).toEqual({ Modality: 'MR', SeriesDescription: 'sag 3D', ScanningSequence: ['IR', 'SE'], RepetitionTime: 5000, EchoTime: 390, InversionTime: 1800 });
  expect(selectSop(LIBRARY, attributes).sop?.id).toBe('mr-brain-flair-lesion');
});

test('diffusion from the header: the b-value (classic or MR Diffusion) and the Image Type', () => {
  expect(seriesSopAttributes({ Modality: 'MR', SeriesDescription: 'ep2d_diff', DiffusionBValue: '1000', ImageType: ['ORIGINAL', 'PRIMARY', 'DIFFUSION', 'NONE'] })).toEqual({
    Modality: 'MR', SeriesDescription: 'ep2d_diff', DiffusionBValue: 1000, ImageType: ['ORIGINAL', 'PRIMARY', 'DIFFUSION', 'NONE'],
  });
  const enhanced = { Modality: 'MR', PerFrameFunctionalGroupsSequence: [{ MRDiffusionSequence: [{ DiffusionBValue: 1000 }] }] };
  expect(seriesSopAttributes(enhanced)).toEqual({ Modality: 'MR', DiffusionBValue: 1000 });
});

test('Siemens FLAIR names (issue 14): dark-fluid is FLAIR by header and description; a TIRM named without it is FLAIR by its TI, and says so', () => {
  const darkFluid = seriesSopAttributes(demoDisplaySet('FLAIR', { SeriesDescription: 't2_tirm_tra_dark-fluid' }));
  expect(selectSop(LIBRARY, darkFluid)).toEqual({ sop: expect.objectContaining({ id: 'mr-brain-flair-lesion' }), reason: expect.stringContaining('MR FLAIR without contrast') });
  const tirm = selectSop(LIBRARY, seriesSopAttributes(demoDisplaySet('FLAIR', { SeriesDescription: 't2_tirm_tra' })));
  expect(tirm).toEqual({
    sop: expect.objectContaining({ id: 'mr-brain-flair-lesion' }),
    reason: expect.stringContaining('the description "t2_tirm_tra" says STIR, the header decides'),
    disagreement: 'header says FLAIR (inversion recovery with TI 2500 ms), description "t2_tirm_tra" says STIR — chose FLAIR by the header',
  });
});
