import { classifyMrSequence } from './classifyMrSequence';
import { seriesSopAttributesFromDicomJson } from './seriesSopAttributesFromDicomJson';

// Why: `segqc qc` and the programme's statistics must choose the SOP as the viewer does; a diffusion series whose description
// says nothing useful is told by its header (b-value, Image Type), not left to the words.

test('the b-value and Image Type of the metadata reach the classification: a diffusion series named "Ax 3mm" is DWI', () => {
  const attributes = seriesSopAttributesFromDicomJson({
    '00080060': { vr: 'CS', Value: ['MR'] },
    '0008103E': { vr: 'LO', Value: ['Ax 3mm'] },
    '00080008': { vr: 'CS', Value: ['ORIGINAL', 'PRIMARY', 'DIFFUSION', 'TRACEW'] },
    '00180020': { vr: 'CS', Value: ['EP'] },
    '00180080': { vr: 'DS', Value: [6000] },
    '00180081': { vr: 'DS', Value: [89] },
    '00189087': { vr: 'FD', Value: [1000] },
  });
  expect(attributes).toMatchObject({ Modality: 'MR', ImageType: ['ORIGINAL', 'PRIMARY', 'DIFFUSION', 'TRACEW'], DiffusionBValue: 1000, RepetitionTime: 6000, EchoTime: 89 });
  expect(classifyMrSequence(attributes).sequenceClass).toBe('DWI');
});
