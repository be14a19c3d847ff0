import { programmeInventory } from './programmeInventory';
import { fakePacs, ROOT, segSeries, uid, type FakeStudy } from './inventory.fixture';
import { studiesWithSegs } from './studiesWithSegs';

// Why: the programme spans hundreds to thousands of studies. Every study must be listed however
// the server pages, the studies without a SEG skipped without a request of their own, and one
// unreadable case must not hide the others.

const ct = (name: string) => ({ seriesInstanceUid: uid(`${name} ct`), modality: 'CT', instances: [] });
const annotated = (name: string, annotators: string[], extra: Partial<FakeStudy> = {}): FakeStudy => ({
  studyInstanceUid: uid(name),
  series: [ct(name), ...annotators.map((key, n) => segSeries({
    sopInstanceUid: uid(`${name} seg ${key}`), seriesInstanceUid: uid(`${name} seg series ${key}`), contentLabel: 'ANNOTATION', login: key,
    contentDate: `2024030${n + 1}`, sourceSeriesInstanceUid: uid(`${name} ct`),
  }))],
  ...extra,
});
const imagesOnly = (name: string): FakeStudy => ({ studyInstanceUid: uid(name), series: [ct(name)] });

test('pages through the studies; those whose ModalitiesInStudy lacks SEG are counted, not kept', async () => {
  const studies = [annotated('a', ['x', 'y']), imagesOnly('b'), annotated('c', ['x']), imagesOnly('d'), annotated('e', ['x', 'y'])];
  const pacs = fakePacs(studies);
  expect(await studiesWithSegs(ROOT, { fetch: pacs.fetch, pageSize: 2 })).toEqual({ studies: [uid('a'), uid('c'), uid('e')], withoutSegs: 2 });
  expect(pacs.requests).toEqual([0, 2, 4].map((offset) => `/studies?includefield=00080061&limit=2&offset=${offset}`));
});

test('a server that ignores paging (the same page again) is listed once; one that does not list ModalitiesInStudy keeps every study', async () => {
  const studies = [annotated('a', ['x', 'y']), { ...imagesOnly('b'), modalitiesInStudy: null }];
  const ignoring = fakePacs(studies);
  const fetch: typeof ignoring.fetch = (url, init) => ignoring.fetch(url.replace(/offset=\d+/, 'offset=0'), init);
  expect(await studiesWithSegs(ROOT, { fetch, pageSize: 2 })).toEqual({ studies: [uid('a'), uid('b')], withoutSegs: 0 });
  expect(ignoring.requests).toHaveLength(2);
});

test('every case with a SEG is read, with progress; a failing case is listed with the reason; an unlisted study without SEG is counted', async () => {
  const studies = [annotated('a', ['x', 'y']), imagesOnly('b'), annotated('c', ['x']), { ...imagesOnly('d'), modalitiesInStudy: null }, annotated('e', ['x', 'y'])];
  const progress: Array<[number, number, string]> = [];
  const inventory = await programmeInventory(ROOT, { fetch: fakePacs(studies, { failStudy: uid('e') }).fetch, pageSize: 2, concurrency: 2 }, (done, total, study) => progress.push([done, total, study]));

  expect(inventory.cases.map((c) => [c.studyInstanceUid, c.state, c.annotations.length])).toEqual([[uid('a'), 'awaiting-review', 2], [uid('c'), 'not-double-read', 1]]);
  expect(inventory.studiesWithoutSegs).toBe(2);
  expect(inventory.failures).toEqual([{ studyInstanceUid: uid('e'), reason: `The PACS answered HTTP 503 for ${ROOT}/studies/${uid('e')}/series?includefield=00080060: it is unavailable.` }]);
  expect(progress.map(([done, total]) => [done, total])).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  expect(progress.map(([, , study]) => study).sort()).toEqual([uid('a'), uid('c'), uid('d'), uid('e')].sort());
});

test('concurrency and page size are checked', async () => {
  const { fetch } = fakePacs([]);
  await expect(programmeInventory(ROOT, { fetch, concurrency: 0 })).rejects.toThrow('concurrency must be an integer ≥ 1, got 0');
  await expect(studiesWithSegs(ROOT, { fetch, pageSize: 1.5 })).rejects.toThrow('pageSize must be an integer ≥ 1, got 1.5');
});
