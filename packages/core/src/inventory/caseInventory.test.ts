import { DEFLATED_REFUSAL } from '../dicom/assertReadablePart10';
import { asDeflatedPart10 } from '../dicom/deflatedPart10.fixture';
import { writePart10 } from '../dicom/part10';
import { DicomwebReadError } from '../dicomweb/DicomwebReadError';
import { writeQcReport } from '../sr/buildQcReport';
import type { QcReportInit } from '../sr/QcReport';
import { syntheticReportInit } from '../sr/syntheticReport.fixture';
import { caseInventory } from './caseInventory';
import { fakePacs, ROOT, segSeries, uid, type FakeSeries, type FakeStudy } from './inventory.fixture';

// Why: the QC overview and `segqc qc` learn everything about a case from the PACS. The inventory
// must sort the SEGs by role, read the QC reports in revision order, give the state the latest
// decision puts the case in, list what it cannot read — and fetch no pixel data and no SR that
// cannot be a QC report.

const STUDY = uid('study');
const CT = uid('ct series'), CT2 = uid('second ct series');
const COMPREHENSIVE_3D_SR = '1.2.840.10008.5.1.4.1.1.88.34';
const BASIC_TEXT_SR = '1.2.840.10008.5.1.4.1.1.88.11';
const SIGNATURE = { name: 'Okafor^Chidi', login: 'cokafor', organization: 'Demo Hospital', dateTime: '20260303120000' };

const annotation = (key: string, date: string, source = CT) => ({
  sopInstanceUid: uid(`seg ${key}`), seriesInstanceUid: uid(`seg series ${key}`), contentLabel: 'ANNOTATION', name: `${key}^Annotator`, login: key,
  contentDate: date, contentTime: '090000', protocolName: 'ct-lung-nodule@1.1.0+0123456789abcdef', sourceSeriesInstanceUid: source,
  segmentLabels: ['Right lung', 'Left lung', 'Lung nodule'],
});
const gold = { sopInstanceUid: uid('seg gold'), seriesInstanceUid: uid('seg series gold'), contentLabel: 'GOLD', name: 'Gold^Standard', login: 'gold', contentDate: '20240301', contentTime: '080000', sourceSeriesInstanceUid: CT };
const foreign = { sopInstanceUid: uid('seg foreign'), seriesInstanceUid: uid('seg series foreign'), contentLabel: 'SEGMENTATION', sourceSeriesInstanceUid: CT };

/** A QC report of this study: the synthetic one, review by default, with `extra`. */
function report(name: string, instanceNumber: number, extra: Partial<QcReportInit> = {}): { init: QcReportInit; bytes: Uint8Array } {
  const base = syntheticReportInit();
  const init: QcReportInit = { ...base, sopInstanceUid: uid(name), seriesInstanceUid: uid('qc series'), instanceNumber, subject: { ...base.subject, StudyInstanceUID: STUDY }, ...extra };
  return { init, bytes: writeQcReport(init) };
}
const review = report('review', 1, { contentDate: '20260302' });
const adjudication = report('adjudication', 2, { contentDate: '20260301', observer: { name: 'Okafor^Chidi', login: 'cokafor', role: 'adjudicator' }, verification: SIGNATURE });
// Not TID 1500 content at all: readQcReport rejects it.
const broken = writePart10({ SOPClassUID: COMPREHENSIVE_3D_SR, SOPInstanceUID: uid('broken sr'), StudyInstanceUID: STUDY, SeriesInstanceUID: uid('qc series'), Modality: 'SR' });

function study(segs: FakeSeries[], srInstances: FakeSeries['instances'] = []): FakeStudy {
  return {
    studyInstanceUid: STUDY,
    series: [
      { seriesInstanceUid: CT, modality: 'CT', instances: [] },
      { seriesInstanceUid: CT2, modality: 'CT', instances: [] },
      ...segs,
      ...(srInstances.length > 0 ? [{ seriesInstanceUid: uid('qc series'), modality: 'SR', instances: srInstances }] : []),
    ],
  };
}
const sr = (sopInstanceUid: string, bytes?: Uint8Array, sopClassUid = COMPREHENSIVE_3D_SR) => ({ sopInstanceUid, sopClassUid, ...(bytes ? { bytes } : {}) });

test('roles, reports in revision order, the state of the latest decision, a calibration case; no pixels, no SR that cannot be a report', async () => {
  const pacs = fakePacs([study(
    [segSeries(annotation('okafor', '20240307')), segSeries(annotation('rivera', '20240305')), segSeries(gold), segSeries(foreign), segSeries(annotation('chen', '20240306', CT2))],
    // Listed out of order; the adjudication's content date is earlier, its instance number later.
    [sr(uid('adjudication'), adjudication.bytes), sr(uid('text sr'), undefined, BASIC_TEXT_SR), sr(uid('review'), review.bytes), sr(uid('broken sr'), broken)],
  )]);
  const inventory = await caseInventory(ROOT, STUDY, { fetch: pacs.fetch, headers: { Authorization: 'Bearer t' } });

  // Every SEG that is not a reference is an annotation candidate: the foreign tool's SEGMENTATION too.
  // Oldest first; the foreign SEG records no date, so it comes first.
  expect(inventory.annotations.map((seg) => [seg.contentLabel, seg.creator.login])).toEqual([['SEGMENTATION', null], ['ANNOTATION', 'rivera'], ['ANNOTATION', 'chen'], ['ANNOTATION', 'okafor']]);
  expect(inventory.annotations[1]).toEqual({
    sopInstanceUid: uid('seg rivera'), seriesInstanceUid: uid('seg series rivera'), contentLabel: 'ANNOTATION',
    creator: { name: 'rivera^Annotator', login: 'rivera' }, attribution: { name: 'rivera, Annotator', attributed: true }, sliceThicknessMm: null, contentDate: '20240305', contentTime: '090000',
    sop: { id: 'ct-lung-nodule', version: '1.1.0', shortHash: '0123456789abcdef' }, sourceSeriesInstanceUid: CT,
    segmentLabels: ['Right lung', 'Left lung', 'Lung nodule'],
  });
  expect(inventory.references.map((seg) => [seg.contentLabel, seg.creator.login])).toEqual([['GOLD', 'gold']]);
  // rivera and okafor drew on CT, chen on CT2: two annotations of one series.
  expect([inventory.sourceSeriesInstanceUid, inventory.modality, inventory.calibration]).toEqual([CT, 'CT', true]);

  expect(inventory.qcReports.map((r) => r.sopInstanceUid)).toEqual([uid('review'), uid('adjudication')]);
  expect(inventory.qcReports[0]).toEqual({ sopInstanceUid: uid('review'), seriesInstanceUid: uid('qc series'), report: expect.objectContaining({ instanceNumber: 1, observer: expect.objectContaining({ role: 'reviewer' }) }) });
  expect(inventory.qcReports[1].report.verification).toEqual(SIGNATURE);
  expect(inventory.state).toBe('adjudicated');
  expect(inventory.unreadable).toEqual([{ sopInstanceUid: uid('broken sr'), seriesInstanceUid: uid('qc series'), modality: 'SR', reason: 'ValueType: the root content item of an SR document is a CONTAINER' }]);

  const retrieved = pacs.requests.filter((path) => /\/instances\/[\d.]+$/.test(path));
  expect(retrieved.sort()).toEqual([uid('adjudication'), uid('broken sr'), uid('review')].sort().map((sop) => `/studies/${STUDY}/series/${uid('qc series')}/instances/${sop}`));
  expect(pacs.requests.filter((path) => path.endsWith('/metadata'))).toHaveLength(5);
  expect(pacs.requests.some((path) => path.includes('bulk') || path.includes(CT))).toBe(false);
});

test('the review escalated something and nothing came after it: escalated', async () => {
  const pacs = fakePacs([study([segSeries(annotation('rivera', '20240305')), segSeries(annotation('chen', '20240306'))], [sr(uid('review'), review.bytes)])]);
  const inventory = await caseInventory(ROOT, STUDY, { fetch: pacs.fetch });
  expect([inventory.state, inventory.calibration, inventory.references]).toEqual(['escalated', false, []]);
});

test('two annotations and no report: awaiting review; one annotation: not double-read', async () => {
  const two = await caseInventory(ROOT, STUDY, { fetch: fakePacs([study([segSeries(annotation('rivera', '20240305')), segSeries(annotation('chen', '20240306'))])]).fetch });
  expect([two.state, two.qcReports]).toEqual(['awaiting-review', []]);
  const one = await caseInventory(ROOT, STUDY, { fetch: fakePacs([study([segSeries(annotation('rivera', '20240305')), segSeries(annotation('chen', '20240306', CT2))])]).fetch });
  expect(one.state).toBe('not-double-read');
});

test('only a reference standard: its source series and modality, not double-read', async () => {
  const inventory = await caseInventory(ROOT, STUDY, { fetch: fakePacs([study([segSeries(gold)])]).fetch });
  expect([inventory.sourceSeriesInstanceUid, inventory.modality, inventory.state, inventory.calibration]).toEqual([CT, 'CT', 'not-double-read', true]);
});

test('a SEG whose metadata has no SOP Instance UID is listed as unreadable', async () => {
  const series = segSeries(annotation('rivera', '20240305'));
  delete series.instances[0].metadata!['00080018'];
  const inventory = await caseInventory(ROOT, STUDY, { fetch: fakePacs([study([series])]).fetch });
  expect(inventory.annotations).toEqual([]);
  expect(inventory.unreadable).toEqual([{ sopInstanceUid: null, seriesInstanceUid: uid('seg series rivera'), modality: 'SEG', reason: 'its metadata has no SOP Instance UID (0008,0018)' }]);
});

test('a deflated report is unreadable with why, and an SR of class "constructor" is not retrieved; the case is still read', async () => {
  // Why: dcmjs would inflate the report without bound (the viewer, `segqc qc` and `drift` read every case's SRs),
  // and the SOP class, the PACS's text, was looked up in a plain object, where "constructor" is found.
  const pacs = fakePacs([study([segSeries(annotation('rivera', '20240305')), segSeries(annotation('chen', '20240306'))], [
    sr(uid('review'), review.bytes), sr(uid('deflated'), asDeflatedPart10(adjudication.bytes)), sr(uid('odd class'), broken, 'constructor'),
  ])]);
  const inventory = await caseInventory(ROOT, STUDY, { fetch: pacs.fetch });
  expect(inventory.unreadable).toEqual([{ sopInstanceUid: uid('deflated'), seriesInstanceUid: uid('qc series'), modality: 'SR', reason: `TransferSyntaxUID: ${DEFLATED_REFUSAL}` }]);
  expect([inventory.state, inventory.qcReports.map((r) => r.sopInstanceUid)]).toEqual(['escalated', [uid('review')]]);
  expect(pacs.requests.some((path) => path.endsWith(uid('odd class')))).toBe(false);
});

test('a PACS error rejects with the DicomwebReadError', async () => {
  const error = await caseInventory(ROOT, STUDY, { fetch: fakePacs([study([])], { failStudy: STUDY }).fetch }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DicomwebReadError);
  expect((error as DicomwebReadError).status).toBe(503);
});
