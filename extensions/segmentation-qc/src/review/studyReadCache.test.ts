// The agreement worker's reads of a study, kept across its reviews (issue 16): a SEG is retrieved
// once however often the review is asked for again, the prefetch's retrieval is the review's, the
// source images OHIF read spare the metadata request, another study starts afresh, and a read that
// failed is tried again. Against an in-memory PACS answering in Orthanc's shapes.
import type { ReadFetchLike } from '@segqc/core';
import { auditCase } from '../../../../packages/core/src/audit/audit.fixture';
import { inMemoryPacs, PACS_ROOT } from '../../../../packages/core/src/audit/inMemoryPacs.fixture';
import { StudyReadCache } from './studyReadCache';

const fixture = auditCase();
const segs = fixture.objects.filter((object) => object.modality === 'SEG' && object.sopInstanceUid !== fixture.uids.referenceSeg);
const source = fixture.series.images[0]!.SeriesInstanceUID;
const pacs = () => inMemoryPacs(segs.map((seg) => ({ studyInstanceUid: fixture.studyInstanceUid, ...seg })));
const retrieves = (requests: Array<{ url: string }>) => requests.filter((request) => /\/instances\/[0-9.]+$/.test(new URL(request.url).pathname)).length;

test('a SEG read once however often the review asks, decoded on the source images given, without a metadata request', async () => {
  const { fetch, requests } = pacs();
  const cache = new StudyReadCache().study(fixture.studyInstanceUid, PACS_ROOT, { fetch });
  const seg = { seriesInstanceUid: segs[0]!.seriesInstanceUid, sopInstanceUid: segs[0]!.sopInstanceUid };
  const [first, again] = await Promise.all([cache.seg(seg, source, fixture.series.images), cache.seg(seg, source, fixture.series.images)]);
  expect(again).toBe(first);
  expect(first.segmentation.segments.map((segment) => segment.label)).toEqual(['Right lung', 'Lung nodule', 'Lesion']);
  expect(first.segmentation.segments[0]!.mask.count()).toBeGreaterThan(0);
  expect(retrieves(requests)).toBe(1);
  expect(requests.some((request) => request.url.endsWith('/metadata'))).toBe(false);
});

test("the prefetch retrieves the study's SEGs once; the review then retrieves nothing; another study starts afresh", async () => {
  const { fetch, requests } = pacs();
  const cache = new StudyReadCache().study(fixture.studyInstanceUid, PACS_ROOT, { fetch });
  await cache.prefetch();
  expect(retrieves(requests)).toBe(segs.length);
  for (const seg of segs) await cache.seg(seg, source, fixture.series.images);
  expect(retrieves(requests)).toBe(segs.length);
  cache.study('2.25.999', PACS_ROOT, { fetch }).study(fixture.studyInstanceUid, PACS_ROOT, { fetch });
  await cache.seg(segs[0]!, source, fixture.series.images);
  expect(retrieves(requests)).toBe(segs.length + 1);
});

test('a read that failed is tried again by the next review', async () => {
  const { fetch: working } = pacs();
  let failing = true;
  const fetch: ReadFetchLike = async (url, init) => (failing ? new Response('busy', { status: 503 }) : working(url, init)) as never;
  const cache = new StudyReadCache().study(fixture.studyInstanceUid, PACS_ROOT, { fetch });
  await expect(cache.seg(segs[0]!, source, fixture.series.images)).rejects.toThrow();
  failing = false;
  await expect(cache.seg(segs[0]!, source, fixture.series.images)).resolves.toMatchObject({ bytes: segs[0]!.bytes });
});
