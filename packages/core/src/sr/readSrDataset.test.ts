// dcmjs 0.52 decodes the text of sequence items with its default decoder whatever the Specific
// Character Set says; an SR's content tree is all sequences. This pins both the dcmjs behaviour
// (so that an upgrade that fixes it is noticed) and our repair of it.
import { readPart10 } from '../dicom/readPart10';
import { writePart10 } from '../dicom/part10';
import { readSrDataset } from './readSrDataset';

const text = 'Ødegård: A∩B ≤ τ — “quoted” €';
const bytes = writePart10({
  SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.34',
  SOPInstanceUID: '2.25.7',
  SpecificCharacterSet: 'ISO_IR 192',
  PatientName: 'Ødegård^Åsa',
  ContentSequence: [{ TextValue: text, ContentSequence: [{ TextValue: `${text} (nested)`, ConceptNameCodeSequence: [{ CodeValue: 'X', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Größe' }] }] }],
});

test('dcmjs reads top-level text right and sequence items as Latin-1 (the behaviour readSrDataset repairs)', () => {
  const { dataset } = readPart10(bytes);
  expect(dataset['PatientName']).toEqual([{ Alphabetic: 'Ødegård^Åsa' }]);
  expect((dataset['ContentSequence'] as Array<{ TextValue: string }>)[0].TextValue).not.toBe(text);
});

test('readSrDataset decodes the text of sequence items at every depth as UTF-8', () => {
  const dataset = readSrDataset(bytes);
  const [item] = dataset['ContentSequence'] as Array<{ TextValue: string; ContentSequence: Array<{ TextValue: string; ConceptNameCodeSequence: Array<{ CodeMeaning: string }> }> }>;
  expect(item.TextValue).toBe(text);
  expect(item.ContentSequence[0].TextValue).toBe(`${text} (nested)`);
  expect(item.ContentSequence[0].ConceptNameCodeSequence[0].CodeMeaning).toBe('Größe');
  expect(dataset['PatientName']).toEqual([{ Alphabetic: 'Ødegård^Åsa' }]);
});

test('without ISO_IR 192 nothing is touched', () => {
  const latin = writePart10({ SOPClassUID: '1.2.3', SOPInstanceUID: '2.25.8', ContentSequence: [{ TextValue: 'plain' }] });
  expect((readSrDataset(latin)['ContentSequence'] as Array<{ TextValue: string }>)[0].TextValue).toBe('plain');
});
