// Why: annotator names and logins come from the PACS (ContentCreatorName, the login of
// ContentCreatorIdentificationCodeSequence). Keyed into a plain object, an annotator called
// `__proto__` changes the object's prototype instead of adding a key, and one called `constructor`
// or `toString` finds Object's own function. Here three annotators so named, on one case with a
// GOLD reference, go through the inventory, the programme's reliability, the audit trail and the
// case review: each is counted as its own annotator with its own numbers, and Object.prototype is
// unchanged.
import dcmjs from 'dcmjs';
import { caseRecordsFromObjects } from '../audit/caseRecordsFromObjects';
import { auditCsv } from '../audit/auditCsv';
import { auditRows } from '../audit/auditRows';
import { SCT } from '../codes/sct';
import { writePart10 } from '../dicom/part10';
import { readPart10 } from '../dicom/readPart10';
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import type { DicomJsonDataset } from '../dicomweb/dicomJson';
import { fakePacs, ROOT, type FakeSeries } from '../inventory/inventory.fixture';
import { reviewCase } from '../review/reviewCase';
import { buildBinarySeg } from '../seg/buildBinarySeg';
import type { SegContentLabel } from '../seg/SegContentLabel';
import { readSegmentation } from '../seg/read/readSegmentation';
import { syntheticSeries } from '../seg/syntheticSource.fixture';
import { segEventOf } from '../audit/segEvent';
import { reliabilityFromPacs } from './reliabilityFromPacs';

const HOSTILE = ['__proto__', 'constructor', 'toString'] as const;
const [ROWS, COLUMNS, SLICES] = [10, 10, 2];
const series = syntheticSeries({ name: 'prototype keys', rows: ROWS, columns: COLUMNS, slices: SLICES });
const STUDY = series.images[0].StudyInstanceUID;

/** Rows [0, rows) × columns [0, 4) of slice 0. */
function box(rows: number, columns = 4): Uint8Array {
  const mask = new Uint8Array(ROWS * COLUMNS * SLICES);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) mask[r * COLUMNS + c] = 1;
  return mask;
}

// The gold lung is 4 × 6 = 24 voxels; __proto__ 4 × 4 (Dice 32/40), constructor 5 × 4 (32/44), toString 4 × 6 (1).
const LUNGS = new Map([['__proto__', box(4)], ['constructor', box(5)], ['toString', box(4, 6)], ['gold', box(4, 6)]]);

function seg(person: (typeof HOSTILE)[number] | 'gold', label: SegContentLabel, date: string): { bytes: Uint8Array; sopInstanceUid: string; seriesInstanceUid: string } {
  const sopInstanceUid = uidFromName(`prototype keys/${person}/seg`);
  const seriesInstanceUid = uidFromName(`prototype keys/${person}/series`);
  const bytes = writePart10(buildBinarySeg({
    sourceImages: series.images,
    segments: [{ segmentNumber: 1, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, algorithmType: 'MANUAL', color: [80, 160, 220] }],
    frames: [{ segmentNumber: 1, mask: LUNGS.get(person)! }],
    creator: person === 'gold' ? { name: 'Expert^Gold', login: 'gold' } : { name: person, login: person },
    contentLabel: label,
    contentDate: date,
    contentTime: '093000',
    seriesInstanceUID: seriesInstanceUid,
    sopInstanceUID: sopInstanceUid,
    seriesNumber: 300,
    seriesDescription: `${person} SEG`,
    equipment: { manufacturerModelName: 'SegQC core', softwareVersions: '0.1.0', deviceSerialNumber: 'unit-test', institutionName: 'SegQC Test Hospital' },
  }));
  return { bytes, sopInstanceUid, seriesInstanceUid };
}

const segs = [...HOSTILE.map((person, n) => seg(person, 'ANNOTATION', `2024030${n + 1}`)), seg('gold', 'GOLD', '20240301')];

function dicomJsonOf(dataset: Record<string, unknown>): DicomJsonDataset {
  const json = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset) as Record<string, unknown>;
  delete json['7FE00010'];
  return JSON.parse(JSON.stringify(json)) as DicomJsonDataset;
}

const source: FakeSeries = {
  seriesInstanceUid: series.images[0].SeriesInstanceUID,
  modality: 'CT',
  instances: series.images.map((image) => ({ sopInstanceUid: image.SOPInstanceUID, sopClassUid: SOP_CLASS.CtImageStorage, metadata: dicomJsonOf({ ...image, Modality: 'CT', _vrMap: {} }) })),
};
const segSeries: FakeSeries[] = segs.map(({ bytes, sopInstanceUid, seriesInstanceUid }) => ({
  seriesInstanceUid,
  modality: 'SEG',
  instances: [{ sopInstanceUid, sopClassUid: SOP_CLASS.SegmentationStorage, metadata: dicomJsonOf(readPart10(bytes).dataset), bytes }],
}));

afterEach(() => {
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

test('inventory and reliability: three annotators, each with its own Dice against the gold', async () => {
  const { fetch } = fakePacs([{ studyInstanceUid: STUDY, series: [source, ...segSeries] }]);
  const { inventory, reliability, skipped } = await reliabilityFromPacs(ROOT, { fetch });
  expect(skipped).toEqual([]);
  expect(inventory.cases[0].annotations.map((a) => [a.creator.name, a.creator.login])).toEqual(HOSTILE.map((person) => [person, person]));
  const diceOf = new Map(reliability.calibration.map((c) => [c.annotator, c.cases.map((score) => score.dice)]));
  expect([...diceOf.keys()].sort()).toEqual([...HOSTILE].sort());
  expect(diceOf.get('__proto__')).toEqual([32 / 40]);
  expect(diceOf.get('constructor')).toEqual([32 / 44]);
  expect(diceOf.get('toString')).toEqual([1]);
  expect(reliability.drift.map((d) => d.series.annotator).sort()).toEqual([...HOSTILE].sort());
});

test('audit trail: each annotation event names its own annotator; the rows and the CSV too', () => {
  const objects = segs.map(({ bytes, sopInstanceUid, seriesInstanceUid }) => ({ seriesInstanceUid, sopInstanceUid, modality: 'SEG' as const, bytes }));
  const { records } = caseRecordsFromObjects(STUDY, objects);
  expect(records.unreadable).toEqual([]);
  const annotations = records.events.filter((event) => event.kind === 'annotation');
  expect(annotations.map((event) => event.kind === 'annotation' && [event.creator.name, event.creator.login, event.role])).toEqual(HOSTILE.map((person) => [person, person, 'annotator']));
  const { columns, rows } = auditRows([records]);
  const annotationRows = rows.filter((row) => row.event === 'annotation');
  expect(annotationRows.map((row) => row.login)).toEqual([...HOSTILE]);
  const csv = auditCsv(columns, rows);
  for (const person of HOSTILE) expect(csv).toContain(`,${person},`);
});

test('case review: every pair of the three is compared, with its own Dice', () => {
  const review = reviewCase(segs.slice(0, 3).map(({ bytes }, n) => ({ id: HOSTILE[n], segmentation: readSegmentation(bytes, series.images) })), null);
  const dice = new Map(review.rows.map((row) => [`${row.a}|${row.b}`, row.dice]));
  expect(review.annotations).toEqual([...HOSTILE]);
  expect(dice).toEqual(new Map([['__proto__|constructor', 32 / 36], ['__proto__|toString', 32 / 40], ['constructor|toString', 32 / 44]]));
});

test('a SEG whose ContentLabel is "constructor" is an annotator\'s, not a role found on Object', () => {
  const { dataset } = readPart10(segs[0].bytes);
  const { event } = segEventOf(writePart10({ ...dataset, ContentLabel: 'constructor' }));
  expect([event.kind, event.role, event.contentLabel]).toEqual(['annotation', 'annotator', 'constructor']);
});
