// The reader gives back what the writer was given, for every field, and refuses a SegQC report
// that was damaged on the way, naming what is wrong.
import { writePart10 } from '../dicom/part10';
import { buildQcReport, writeQcReport } from './buildQcReport';
import { readQcReport } from './readQcReport';
import { readMeasurementReport } from './readMeasurementReport';
import { syntheticReportInit } from './syntheticReport.fixture';

const init = syntheticReportInit();

test('round trip: every field, null distances, "other" with its words, the display regions', () => {
  expect(readQcReport(writeQcReport(init)).qc).toEqual(init);
});

test('round trip of a signed-off revision with a SOP and its checklist, observed by the SegQC device', () => {
  const revised = {
    ...init,
    observer: undefined,
    instanceNumber: 3,
    predecessors: [{ studyInstanceUid: init.subject.StudyInstanceUID, seriesInstanceUid: init.seriesInstanceUid, sopClassUid: '1.2.840.10008.5.1.4.1.1.88.34', sopInstanceUid: '2.25.1' }],
    sop: { id: 'ct-chest', version: '2.0.0', sha256: 'ab'.repeat(32) },
    checklist: [{ itemId: 'one', checked: true }, { itemId: 'two', checked: false }],
    verification: { name: 'Lindqvist^Maria', login: 'mlindqvist', dateTime: '20260302113000.5+0100' },
  };
  delete revised.observer;
  expect(readQcReport(writeQcReport(revised)).qc).toEqual(revised);
});

test('the same file read as any TID 1500 report: groups, tracking identifiers, measurements with units', () => {
  const document = readMeasurementReport(writeQcReport(init));
  expect(document.title).toEqual({ value: '126000', scheme: 'DCM', meaning: 'Imaging Measurement Report' });
  expect(document.declaredCodingSchemes).toEqual(['99SEGQC']);
  const group = document.groups[0];
  expect(group.trackingIdentifier).toBe('Right lung (A)');
  expect(group.referencedSegment).toEqual({ sopClassUid: init.structures[0].annotations[0].segment.sopClassUid, sopInstanceUid: init.structures[0].annotations[0].segment.sopInstanceUid, segmentNumbers: [1] });
  expect(group.measurements.map((m) => [m.name.meaning, m.value, m.unit?.value])).toEqual([
    ['Volume', 2415.5, 'mL'], ['Dice similarity coefficient', 0.97, '{ratio}'], ['Jaccard index', 0.94, '{ratio}'], ['Hausdorff distance', 6.25, 'mm'],
    ['95th percentile Hausdorff distance', 2.8, 'mm'], ['Average symmetric surface distance', 1.1, 'mm'],
    ['Normalized surface distance at 1 mm', 0.38, '{ratio}'], ['Normalized surface distance at 2 mm', 0.85, '{ratio}'],
  ]);
  const nodule = document.groups[2].measurements.find((m) => m.name.value === 'HD')!;
  expect([nodule.value, nodule.qualifier?.meaning]).toEqual([null, 'Not a number']);
});

test('a damaged report is refused with the place of the damage', () => {
  const dataset = buildQcReport(init);
  const groups = ((dataset['ContentSequence'] as Array<Record<string, unknown>>)[8]['ContentSequence']) as Array<Record<string, unknown>>;
  const items = groups[1]['ContentSequence'] as Array<Record<string, unknown>>;
  const decision = items.find((item) => (item['ConceptNameCodeSequence'] as Array<{ CodeValue: string }>)[0].CodeValue === 'QC-DECISION')!;
  decision['ConceptCodeSequence'] = [{ CodeValue: 'ESCALATED', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Escalated to adjudication' }];
  expect(() => readQcReport(writePart10(dataset))).toThrow('structure "Right lung", annotation B: ContentSequence{Quality control decision}: differs from the decision in the structure\'s first group');
});

test('what is not an SR, or not TID 1500, is refused', () => {
  expect(() => readQcReport(writePart10({ ...buildQcReport(init), SOPClassUID: '1.2.840.10008.5.1.4.1.1.66.4' }))).toThrow(/^SOPClassUID: 1.2.840.10008.5.1.4.1.1.66.4 is not an SR storage class that holds TID 1500/);
  expect(() => readQcReport(writePart10({ ...buildQcReport(init), ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2000' }] }))).toThrow('ContentTemplateSequence[0].TemplateIdentifier: is 2000, not TID 1500');
  expect(() => readQcReport(new Uint8Array(200))).toThrow(/^\(file\): is not a readable DICOM Part 10 file/);
});

test('an algorithm parameter "__proto__: …" in a hostile report is refused as a convention, not taken as a prototype', () => {
  // Why: the conventions were gathered into a plain object, where "__proto__" set its prototype and
  // vanished; they are now gathered in a Map and turned into own properties (Object.fromEntries).
  const dataset = buildQcReport(init);
  const parameters: Array<Record<string, unknown>> = [];
  const walk = (items: unknown): void => {
    for (const item of (items as Array<Record<string, unknown>> | undefined) ?? []) {
      if ((item['ConceptNameCodeSequence'] as Array<{ CodeValue: string }> | undefined)?.[0].CodeValue === '111002') parameters.push(item);
      walk(item['ContentSequence']);
    }
  };
  walk(dataset['ContentSequence']);
  expect(parameters.length).toBeGreaterThan(0);
  for (const parameter of parameters) parameter['TextValue'] = '__proto__: {"polluted": true}';
  expect(() => readQcReport(writePart10(dataset))).toThrow(/TextValue\(__proto__\): "__proto__" is not a convention any measurement is written with/);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});
