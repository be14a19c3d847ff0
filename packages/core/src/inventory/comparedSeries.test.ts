import type { InventorySeg } from './InventoryModel';
import { comparedSeries } from './comparedSeries';
import { uid } from './inventory.fixture';

// Why: the QC state counts the annotations of one series ("double read" means two annotators on
// the same images); every reader of the PACS must pick the same series, ties included.

const seg = (name: string, source: string | null, contentDate: string | null): InventorySeg => ({
  sopInstanceUid: uid(name), seriesInstanceUid: uid(`${name} series`), contentLabel: 'ANNOTATION', creator: { name: null, login: null }, attribution: { name: `${name} (unattributed)`, attributed: false },
  contentDate, contentTime: null, sop: null, sourceSeriesInstanceUid: source, sliceThicknessMm: null, segmentLabels: [],
});
const T1 = uid('t1'), FLAIR = uid('flair');

test('the series with most annotations', () => {
  expect(comparedSeries([seg('a', T1, '20240301'), seg('b', FLAIR, '20240302'), seg('c', FLAIR, '20240303')])).toBe(FLAIR);
});

test('on a tie, the series annotated first, whatever the order given', () => {
  const segs = [seg('a', FLAIR, '20240305'), seg('b', T1, '20240302'), seg('c', FLAIR, '20240306'), seg('d', T1, '20240309')];
  expect(comparedSeries(segs)).toBe(T1);
  expect(comparedSeries([...segs].reverse())).toBe(T1);
});

test('annotations that name no source series are not counted; none left is null', () => {
  expect(comparedSeries([seg('a', null, null), seg('b', null, null), seg('c', T1, null)])).toBe(T1);
  expect(comparedSeries([seg('a', null, null)])).toBeNull();
  expect(comparedSeries([])).toBeNull();
});
