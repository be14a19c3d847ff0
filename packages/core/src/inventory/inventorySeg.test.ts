import { inventorySeg } from './inventorySeg';
import { segMetadata, uid } from './inventory.fixture';

// Why: the programme's worklist names each annotation's annotator, date and SOP from the SEG's
// series metadata alone (no pixel data is fetched); every attribute the SEG writer records must be
// read from its DICOM JSON form, and a SEG of another tool must read as "not said", not fail.

const SEG = uid('seg'), SERIES = uid('seg series'), CT = uid('ct series');

test('a SegQC annotation: role, annotator name and login, when, SOP reference, source series, segments', () => {
  const metadata = segMetadata({
    sopInstanceUid: SEG, seriesInstanceUid: SERIES, contentLabel: 'ANNOTATION', name: 'Rivera^Ana', login: 'arivera',
    contentDate: '20240305', contentTime: '101500', protocolName: 'ct-lung-nodule@1.1.0+0123456789abcdef', sourceSeriesInstanceUid: CT,
    segmentLabels: ['Right lung', 'Left lung', 'Lung nodule'],
  });
  expect(inventorySeg(metadata, SERIES)).toEqual({
    sopInstanceUid: SEG, seriesInstanceUid: SERIES, contentLabel: 'ANNOTATION',
    creator: { name: 'Rivera^Ana', login: 'arivera' },
    attribution: { name: 'Rivera, Ana', attributed: true },
    sliceThicknessMm: null,
    contentDate: '20240305', contentTime: '101500',
    sop: { id: 'ct-lung-nodule', version: '1.1.0', shortHash: '0123456789abcdef' },
    sourceSeriesInstanceUid: CT,
    segmentLabels: ['Right lung', 'Left lung', 'Lung nodule'],
  });
});

test("another tool's SEG: what it does not record is null, its ProtocolName is not taken for a SOP", () => {
  const metadata = segMetadata({ sopInstanceUid: SEG, seriesInstanceUid: SERIES, protocolName: 'Chest routine non-contrast' });
  expect(inventorySeg(metadata, SERIES)).toEqual({
    sopInstanceUid: SEG, seriesInstanceUid: SERIES, contentLabel: null, creator: { name: null, login: null }, attribution: { name: 'SEG (unattributed)', attributed: false }, sliceThicknessMm: null,
    contentDate: null, contentTime: null, sop: null, sourceSeriesInstanceUid: null, segmentLabels: ['Lung nodule'],
  });
});

test('a segment without a label is named by its number; the series UID of the search is used when the metadata lacks it', () => {
  const metadata = segMetadata({ sopInstanceUid: SEG, seriesInstanceUid: SERIES });
  delete metadata['0020000E'];
  metadata['00620002'] = { vr: 'SQ', Value: [{ '00620004': { vr: 'US', Value: [7] } }] };
  const seg = inventorySeg(metadata, uid('searched series'))!;
  expect([seg.seriesInstanceUid, seg.segmentLabels]).toEqual([uid('searched series'), ['Segment 7']]);
});

test('metadata without a SOP Instance UID is not a SEG one can name: null', () => {
  const metadata = segMetadata({ sopInstanceUid: SEG, seriesInstanceUid: SERIES });
  delete metadata['00080018'];
  expect(inventorySeg(metadata, SERIES)).toBeNull();
});

test("the SliceThickness of the shared Pixel Measures, as OHIF writes it; a missing or non-positive one is null", () => {
  const metadata = segMetadata({ sopInstanceUid: SEG, seriesInstanceUid: SERIES });
  const measures = (thickness: unknown[]) => ({ vr: 'SQ', Value: [{ '00289110': { vr: 'SQ', Value: [{ '00180050': { vr: 'DS', Value: thickness } }] } }] });
  metadata['52009229'] = measures([5]);
  expect(inventorySeg(metadata, SERIES)!.sliceThicknessMm).toBe(5);
  metadata['52009229'] = measures(['2.5']);
  expect(inventorySeg(metadata, SERIES)!.sliceThicknessMm).toBe(2.5);
  metadata['52009229'] = measures([0]);
  expect(inventorySeg(metadata, SERIES)!.sliceThicknessMm).toBeNull();
});
