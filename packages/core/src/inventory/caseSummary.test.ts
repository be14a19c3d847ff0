// The overview's row of a case, from the inventory and the study's QIDO-RS attributes.
import { NO_REVIEWER_CHOICES } from '../review/reviewerChoices';
import type { CaseInventory, InventorySeg } from './InventoryModel';
import { demoCohort } from '@segqc/demo-data';
import { caseLabel, caseSummary, dicomDateTimeToIso } from './caseSummary';

describe('dicomDateTimeToIso', () => {
  it.each([
    ['20240304', '091000', '2024-03-04T09:10:00'],
    ['20240304', '0910', '2024-03-04T09:10:00'],
    ['20240304', '09', '2024-03-04T09:00:00'],
    ['20240304', '091000.25', '2024-03-04T09:10:00.25'],
    ['20240304', null, '2024-03-04'],
    ['20240304', '9:10', '2024-03-04'],
    [null, '091000', null],
    ['2024-03-04', '091000', null],
  ])('%p %p → %p', (date, time, iso) => expect(dicomDateTimeToIso(date, time)).toBe(iso));
});

const seg = (overrides: Partial<InventorySeg>): InventorySeg => ({
  sopInstanceUid: '1.2.3.1',
  seriesInstanceUid: '1.2.3',
  contentLabel: 'ANNOTATION',
  creator: { name: 'Rivera^Ana', login: 'arivera' },
  attribution: { name: 'Rivera, Ana', attributed: true },
  contentDate: '20240304',
  contentTime: '091000',
  sop: { id: 'ct-lung-nodule', version: '1.1.0', shortHash: '0123456789abcdef' },
  sourceSeriesInstanceUid: '1.2.9',
  sliceThicknessMm: null,
  segmentLabels: ['Right lung'],
  ...overrides,
});

const inventory: CaseInventory = {
  studyInstanceUid: '1.2.840.1',
  sourceSeriesInstanceUid: '1.2.9',
  modality: 'CT',
  annotations: [
    seg({}),
    seg({ sopInstanceUid: '1.2.3.2', creator: { name: null, login: 'wchen' }, sop: null, contentDate: '20240306', contentTime: null }),
    seg({ sopInstanceUid: '1.2.3.3', contentDate: '20240311', sop: { id: 'ct-lung-nodule', version: '1.0.0', shortHash: 'fedcba9876543210' } }),
  ],
  references: [seg({ sopInstanceUid: '1.2.3.9', contentLabel: 'GOLD', creator: { name: 'Lindqvist^Maria', login: 'mlindqvist' }, contentDate: '20240226', contentTime: '080000' })],
  qcReports: [],
  reviewerChoices: NO_REVIEWER_CHOICES,
  unreadable: [{ sopInstanceUid: null, seriesInstanceUid: '1.2.4', modality: 'SEG', reason: 'its metadata has no SOP Instance UID (0008,0018)' }],
  state: 'awaiting-review',
  calibration: true,
};

it('summarizes the case: label from StudyID, annotators once each, SOP versions sorted, references and unreadable objects', () => {
  const study = {
    '0020000D': { vr: 'UI', Value: ['1.2.840.1'] },
    '00200010': { vr: 'SH', Value: ['CT-CAL'] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Calibration^Chest' }] },
    '00080020': { vr: 'DA', Value: ['20240420'] },
  };
  const summary = caseSummary(inventory, study);
  expect(summary).toMatchObject({
    studyInstanceUid: '1.2.840.1',
    label: 'CT-CAL',
    patientName: 'Calibration^Chest',
    patientId: null,
    studyDate: '20240420',
    state: 'awaiting-review',
    modality: 'CT',
    calibration: true,
    annotators: ['Rivera^Ana', 'wchen'],
    sops: ['ct-lung-nodule@1.0.0', 'ct-lung-nodule@1.1.0'],
    references: [{ kind: 'GOLD', annotator: 'Lindqvist^Maria', madeAt: '2024-02-26T08:00:00' }],
    qcReports: 0,
    unreadable: ['SEG in series 1.2.4: its metadata has no SOP Instance UID (0008,0018)'],
  });
  expect(summary.annotations.map((a) => [a.annotator, a.madeAt, a.sop])).toEqual([
    ['Rivera^Ana', '2024-03-04T09:10:00', 'ct-lung-nodule@1.1.0'],
    ['wchen', '2024-03-06', null],
    ['Rivera^Ana', '2024-03-11T09:10:00', 'ct-lung-nodule@1.0.0'],
  ]);
});

it('without study attributes the case is called by its Study Instance UID', () => {
  expect(caseSummary(inventory, undefined).label).toBe('1.2.840.1');
  const accession = { '00080050': { vr: 'SH', Value: ['SQ241008'] }, '00100020': { vr: 'LO', Value: ['SEGQC-CT-CAL'] } };
  expect(caseSummary(inventory, accession).label).toBe('SQ241008');
});

it('never calls a case by its PatientID: that names the patient, and would be a second name for the case', () => {
  const patientOnly = { '00100020': { vr: 'LO', Value: ['SEGQC-CT-CAL'] } };
  expect(caseSummary(inventory, patientOnly).label).toBe('1.2.840.1');
  expect(caseSummary(inventory, patientOnly).patientId).toBe('SEGQC-CT-CAL');
});

it('names the demo calibration case CT-CAL from its study attributes (issue 14: one name per case, on the viewer’s pages and in the CLI’s reports alike)', () => {
  const plan = demoCohort({ cases: ['ct-cal'] })[0];
  const study = {
    '00200010': { vr: 'SH', Value: [plan.StudyID] },
    '00080050': { vr: 'SH', Value: [plan.AccessionNumber] },
    '00100020': { vr: 'LO', Value: [plan.PatientID] },
  };
  expect(caseSummary({ ...inventory, studyInstanceUid: plan.StudyInstanceUID }, study).label).toBe('CT-CAL');
  // The demo's other identifiers of the case carry the same name.
  expect([plan.caseId, plan.PatientID]).toEqual(['ct-cal', 'SEGQC-CT-CAL']);
});

describe('caseLabel, the one name of a case everywhere', () => {
  const UID = '2.25.1';
  const study = (attributes: Record<string, string>) => Object.fromEntries(Object.entries(attributes).map(([tag, value]) => [tag, { vr: tag === '00100020' ? 'LO' : 'SH', Value: [value] }]));
  it.each<[string, Record<string, string>, string]>([
    ['StudyID first', { '00200010': 'CT-CAL', '00080050': 'SQ241008', '00100020': 'SEGQC-CT-CAL' }, 'CT-CAL'],
    ['else the accession number', { '00080050': 'SQ241008', '00100020': 'SEGQC-CT-CAL' }, 'SQ241008'],
    ['never the PatientID', { '00100020': 'SEGQC-CT-CAL' }, UID],
    ['blank values count as absent', { '00200010': '  ', '00080050': 'SQ241008' }, 'SQ241008'],
  ])('%s', (_, attributes, name) => expect(caseLabel(study(attributes) as never, UID)).toBe(name));
  it('a study the PACS did not describe is its Study Instance UID', () => expect(caseLabel(undefined, UID)).toBe(UID));
});
