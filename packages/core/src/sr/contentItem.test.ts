// Content items are the bricks of the report: their values are checked where they are made, and a
// NUM keeps both what every reader shows (DS, at most 16 characters) and the exact double (FD).
import { DicomValueError } from '../dicom/DicomValueError';
import { codeItem, containerItem, decimalString, imageItem, itemPath, numItem, scoordItem, textItem } from './contentItem';
import { SR_CODES, UCUM } from './templateCodes';

test('DS text: the shortest form when it fits in 16 characters, else the most digits that do', () => {
  expect(decimalString(0.97)).toBe('0.97');
  expect(decimalString(2415.0091)).toBe('2415.0091');
  expect(decimalString(0.9703548991089316)).toBe('0.97035489910893');
  expect(decimalString(1200)).toBe('1200');
  expect(decimalString(-0)).toBe('0');
  expect(decimalString(1.5e21)).toBe('1.5e+21');
  expect(decimalString(123456789012345680000)).toBe('1.2345678901e+20');
  for (const value of [Math.PI, 1 / 3, 2 ** 60, 1e-300, -123456.789012345]) expect(decimalString(value).length).toBeLessThanOrEqual(16);
  expect(Number(decimalString(Math.PI))).toBeCloseTo(Math.PI, 12);
});

test('a NUM keeps the exact value as FloatingPointValue, and a missing value is "Not a number", not 0', () => {
  const num = numItem('CONTAINS', SR_CODES.Volume, 0.9703548991089316, UCUM.millilitre, 'x');
  expect(num['MeasuredValueSequence']).toEqual([{ MeasurementUnitsCodeSequence: [{ CodeValue: 'mL', CodingSchemeDesignator: 'UCUM', CodeMeaning: 'milliliter' }], NumericValue: '0.97035489910893', FloatingPointValue: 0.9703548991089316 }]);
  const none = numItem('CONTAINS', SR_CODES.Volume, null, UCUM.millilitre, 'x');
  expect(none['MeasuredValueSequence']).toEqual([]);
  expect(none['NumericValueQualifierCodeSequence']).toEqual([{ CodeValue: '114000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Not a number' }]);
  expect(() => numItem('CONTAINS', SR_CODES.Volume, NaN, UCUM.millilitre, 'G.ContentSequence{Volume}')).toThrow('G.ContentSequence{Volume}.MeasuredValueSequence[0].NumericValue: NaN is not a finite number');
});

test('items name their place in errors', () => {
  expect(itemPath('', SR_CODES.ImagingMeasurements)).toBe('ContentSequence{Imaging Measurements}');
  expect(itemPath('ContentSequence{Imaging Measurements}', SR_CODES.MeasurementGroup, 2)).toBe('ContentSequence{Imaging Measurements}.ContentSequence{Measurement Group}[2]');
  expect(() => textItem('CONTAINS', SR_CODES.TrackingIdentifier, 'bad\u0001', 'G')).toThrow('G.TextValue: must not contain control characters');
  expect(() => codeItem('CONTAINS', SR_CODES.Finding, { value: '', scheme: 'SCT', meaning: 'x' }, 'G')).toThrow(/^G.ConceptCodeSequence\[0\].CodeValue/);
  expect(() => imageItem('CONTAINS', SR_CODES.ReferencedSegment, { sopClassUid: '1.2', sopInstanceUid: '1.2.03', segmentNumber: 1 }, 'G')).toThrow('G.ReferencedSOPSequence[0].ReferencedSOPInstanceUID');
  expect(() => imageItem('CONTAINS', SR_CODES.ReferencedSegment, { sopClassUid: '1.2', sopInstanceUid: '1.2.3', segmentNumber: 0 }, 'G')).toThrow('G.ReferencedSOPSequence[0].ReferencedSegmentNumber');
  expect(() => scoordItem('CONTAINS', SR_CODES.SourceImage, 'POINT', [1], 'G', [])).toThrow(DicomValueError);
});

test('a container carries its template and continuity; the root has no relationship', () => {
  const root = containerItem(null, SR_CODES.ImagingMeasurementReport, [], '', { templateId: '1500' });
  expect(root).toEqual({
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [{ CodeValue: '126000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Imaging Measurement Report' }],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '1500' }],
  });
});
