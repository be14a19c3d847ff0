import { jsonNumber, jsonNumbers, jsonPersonName, jsonSequence, jsonString, jsonStrings, jsonValues, type DicomJsonDataset } from './dicomJson';
import { CT_INSTANCE, ORTHANC_CT_METADATA } from './dicomwebRead.fixture';

// Why: QIDO-RS and WADO-RS metadata answer in DICOM JSON (PS3.18 F.2); the viewer reads series
// descriptions, UIDs and numbers from it. Orthanc sends empty elements without Value, DS as JSON
// numbers and person names as objects; other servers send DS as strings and nulls for empty values.

const ct = ORTHANC_CT_METADATA as DicomJsonDataset;

test("strings, numbers, person names and sequences of Orthanc's CT metadata", () => {
  expect(jsonString(ct, '00080018')).toBe(CT_INSTANCE);
  expect(jsonString(ct, '0008103e')).toBe('Chest 2.5 mm'); // tag in either case
  expect(jsonStrings(ct, '00080008')).toEqual(['ORIGINAL', 'PRIMARY', 'AXIAL']);
  expect(jsonNumbers(ct, '00200032')).toEqual([-178.5, -178.5, -25]);
  expect(jsonNumber(ct, '00280010')).toBe(256);
  expect(jsonString(ct, '00180050')).toBe('2.5'); // a number as text
  expect(jsonPersonName(ct, '00100010')).toBe('Demo^Chest 01');
  expect(jsonString(ct, '00100010')).toBe('Demo^Chest 01');
  expect(jsonSequence(ct, '00189346').map((item) => jsonString(item, '00080104'))).toEqual(['IEC Body Dosimetry Phantom']);
});

test('absent and empty elements: undefined or []', () => {
  for (const tag of ['00080090', '00201040', '00400000', '7FE00010']) {
    expect([tag, jsonValues(ct, tag), jsonString(ct, tag), jsonNumber(ct, tag), jsonPersonName(ct, tag), jsonSequence(ct, tag)]).toEqual([tag, [], undefined, undefined, undefined, []]);
  }
  expect(jsonNumbers(ct, '00400000')).toEqual([]);
});

test('DS as strings, padding, nulls, and values that are not what they should be', () => {
  const other: DicomJsonDataset = {
    '00200032': { vr: 'DS', Value: ['-178.5', ' 2e1 ', null] },
    '00080060': { vr: 'CS', Value: ['CT  '] },
    '00081030': { vr: 'LO', Value: [null] },
    '00204000': { vr: 'LT', Value: ['  indented text  '] },
    '00080008': { vr: 'CS', Value: ['ORIGINAL', null, 'AXIAL'] },
    '00280010': { vr: 'US', Value: ['x'] },
    '00100010': { vr: 'PN', Value: [{ Ideographic: '山田^太郎' }] },
    '00081115': { vr: 'SQ', Value: [null, 7, { '0020000E': { vr: 'UI', Value: ['1.2.3'] } }] },
    '00100020': { vr: 'LO', Value: 'not an array' } as never,
  };
  expect(jsonNumbers(other, '00200032')).toEqual([-178.5, 20, NaN]);
  expect(jsonString(other, '00080060')).toBe('CT');
  expect(jsonString(other, '00081030')).toBeUndefined();
  expect(jsonString(other, '00204000')).toBe('  indented text'); // LT keeps leading spaces (PS3.5 6.2)
  expect(jsonStrings(other, '00080008')).toEqual(['ORIGINAL', '', 'AXIAL']);
  expect(jsonNumber(other, '00280010')).toBeNaN();
  expect(jsonPersonName(other, '00100010')).toBeUndefined(); // no alphabetic group
  expect(jsonSequence(other, '00081115')).toEqual([{ '0020000E': { vr: 'UI', Value: ['1.2.3'] } }]);
  expect(jsonString(other, '00100020')).toBeUndefined();
});
