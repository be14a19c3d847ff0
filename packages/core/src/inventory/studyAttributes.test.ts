// Why: the overview and the CLI's reports name every case by its study attributes; a PACS that
// caps its answers must still give every study, and one that ignores paging must not loop.
import { ROOT, fakePacs, uid, type FakeStudy } from './inventory.fixture';
import { studyAttributes } from './studyAttributes';

const studies: FakeStudy[] = [1, 2, 3, 4, 5].map((n) => ({ studyInstanceUid: uid(`study ${n}`), series: [{ seriesInstanceUid: uid(`series ${n}`), modality: n === 3 ? 'MR' : 'CT', instances: [] }] }));

test('pages of two: every study once, asking for the fields given', async () => {
  const { fetch, requests } = fakePacs(studies);
  const found = await studyAttributes(ROOT, ['00200010', '00080020'], { fetch, pageSize: 2 });
  expect([...found.keys()]).toEqual(studies.map((s) => s.studyInstanceUid));
  expect(found.get(studies[2].studyInstanceUid)!['00080061']).toEqual({ vr: 'CS', Value: ['MR'] });
  expect(requests).toEqual([0, 2, 4].map((offset) => `/studies?includefield=00200010&includefield=00080020&limit=2&offset=${offset}`));
});

test('a PACS that answers every page with the same studies is asked once more, not forever', async () => {
  const { fetch } = fakePacs(studies);
  const ignoringPaging: typeof fetch = (url, init) => fetch(url.replace(/&offset=\d+/, '&offset=0'), init);
  const found = await studyAttributes(ROOT, [], { fetch: ignoringPaging, pageSize: 2 });
  expect(found.size).toBe(2);
});
