// Gathering reads a case from any DICOMweb PACS with the caller's auth on every request: the study's
// SEG and SR series are searched and each instance retrieved as stored; images are only searched
// (one QIDO per image series of the study, whatever reports are left), never downloaded. The result equals reading the same bytes
// directly.
import { DEFLATED_REFUSAL } from '../dicom/assertReadablePart10';
import { asDeflatedPart10 } from '../dicom/deflatedPart10.fixture';
import type { ReadFetchLike } from '../dicomweb/ReadFetchLike';
import { auditCase } from './audit.fixture';
import { caseRecordsFromObjects } from './caseRecordsFromObjects';
import { gatherCaseRecords } from './gatherCaseRecords';
import { inMemoryPacs, PACS_ROOT, type StoredInstance } from './inMemoryPacs.fixture';
import { listStudies } from './listStudies';

const fixture = auditCase();
const stored: StoredInstance[] = [
  ...fixture.objects.map((object) => ({ studyInstanceUid: fixture.studyInstanceUid, ...object })),
  ...fixture.images.map((image) => ({ studyInstanceUid: fixture.studyInstanceUid, ...image, modality: 'CT' })),
];

test('reads every SEG and SR of the study, with the auth header, into the same records as the bytes', async () => {
  const pacs = inMemoryPacs(stored);
  const progress: string[] = [];
  const gathered = await gatherCaseRecords(PACS_ROOT, fixture.studyInstanceUid, { fetch: pacs.fetch, headers: { Authorization: 'Bearer t0k3n' }, onProgress: (done, total) => progress.push(`${done}/${total}`) });
  expect(gathered).toEqual(caseRecordsFromObjects(fixture.studyInstanceUid, fixture.objects, fixture.images));
  expect(pacs.requests.every((request) => request.init.headers.Authorization === 'Bearer t0k3n')).toBe(true);
  // One series search; instance searches of the 4 SEG/SR series and of the 1 image series; 5 retrieves, no image retrieved.
  const kindOf = (url: string) => {
    const path = new URL(url).pathname;
    return /\/series$/.test(path) ? 'search series' : /\/instances$/.test(path) ? 'search instances' : /\/instances\/[0-9.]+$/.test(path) ? `retrieve ${path.split('/').pop()}` : path;
  };
  const kinds = pacs.requests.map((request) => kindOf(request.url));
  expect(kinds.filter((kind) => kind === 'search series')).toHaveLength(1);
  expect(kinds.filter((kind) => kind === 'search instances')).toHaveLength(5);
  expect(kinds.filter((kind) => kind.startsWith('retrieve')).sort()).toEqual(fixture.objects.map((object) => `retrieve ${object.sopInstanceUid}`).sort());
  expect(kinds).toHaveLength(11);
  expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
});

test("with every QC report gone, the study's images are still found present: only the reports are missing to the journal", async () => {
  const withoutReports = stored.filter((instance) => instance.modality !== 'SR');
  const gathered = await gatherCaseRecords(PACS_ROOT, fixture.studyInstanceUid, { fetch: inMemoryPacs(withoutReports).fetch });
  const images = [...gathered.retrieved.values()].filter((object) => object.kind === 'image').map((object) => object.sopInstanceUid);
  expect(images.sort()).toEqual(fixture.images.map((image) => image.sopInstanceUid).sort());
});

test('a deflated report and a SEG whose answer is over the limit are unreadable findings, with why; the rest is read', async () => {
  // Why: these used to be inflated without bound (the report) or read whole (the answer); now neither is, and neither stops the audit.
  const deflated = stored.map((object) => (object.sopInstanceUid === fixture.uids.review ? { ...object, bytes: asDeflatedPart10(object.bytes!) } : object));
  const pacs = inMemoryPacs(deflated);
  const oversized: ReadFetchLike = async (url, init) => {
    const response = await pacs.fetch(url, init);
    if (!url.endsWith(`/instances/${fixture.uids.segB}`)) return response;
    return { ...response, headers: { get: (name: string) => (name.toLowerCase() === 'content-length' ? String(600 * 1024 * 1024) : response.headers.get(name)) } };
  };
  const { records } = await gatherCaseRecords(PACS_ROOT, fixture.studyInstanceUid, { fetch: oversized });
  const segBUrl = `${PACS_ROOT}/studies/${fixture.studyInstanceUid}/series/${fixture.objects.find((o) => o.sopInstanceUid === fixture.uids.segB)!.seriesInstanceUid}/instances/${fixture.uids.segB}`;
  expect(new Map(records.unreadable.map((object) => [object.sopInstanceUid, [object.expected, object.reason]]))).toEqual(new Map([
    [fixture.uids.review, ['QC report', `TransferSyntaxUID: ${DEFLATED_REFUSAL}`]],
    [fixture.uids.segB, ['SEG', `The PACS's answer for ${segBUrl} could not be read: it is 600.0 MiB, more than the 512.0 MiB SegQC reads.`]],
  ]));
  expect(records.events.map((event) => event.sopInstanceUid).sort()).toEqual([fixture.uids.segA, fixture.uids.referenceSeg, fixture.uids.adjudication].sort());
});

test('a study the PACS does not hold has no events', async () => {
  const gathered = await gatherCaseRecords(PACS_ROOT, '1.2.826.0.1.3680043.10.99', { fetch: inMemoryPacs(stored).fetch });
  expect(gathered.records).toEqual({ studyInstanceUid: '1.2.826.0.1.3680043.10.99', patient: {}, events: [], unreadable: [] });
  expect(gathered.retrieved.size).toBe(0);
});

test('a PACS error is a DicomwebReadError naming the URL', async () => {
  const failing = async () => ({ status: 503, headers: { get: () => null }, text: async () => '', arrayBuffer: async () => new ArrayBuffer(0) });
  await expect(gatherCaseRecords(PACS_ROOT, fixture.studyInstanceUid, { fetch: failing })).rejects.toMatchObject({
    name: 'DicomwebReadError', kind: 'http', status: 503, message: `The PACS answered HTTP 503 for ${PACS_ROOT}/studies/${fixture.studyInstanceUid}/series?includefield=00080060: it is unavailable.`,
  });
});

test('listStudies pages through QIDO-RS /studies until a short page', async () => {
  const studies = ['1.2.3.1', '1.2.3.2', '1.2.3.3', '1.2.3.4', '1.2.3.5'];
  const pacs = inMemoryPacs(studies.map((study, n) => ({ studyInstanceUid: study, seriesInstanceUid: `1.2.4.${n}`, sopInstanceUid: `1.2.5.${n}`, modality: 'CT' })));
  expect(await listStudies(`${PACS_ROOT}/`, { fetch: pacs.fetch, headers: { Authorization: 'Bearer x' }, pageSize: 2 })).toEqual(studies);
  expect(pacs.requests.map((request) => new URL(request.url).search)).toEqual([
    '?includefield=0020000D&limit=2&offset=0', '?includefield=0020000D&limit=2&offset=2', '?includefield=0020000D&limit=2&offset=4',
  ]);
  expect(pacs.requests.every((request) => request.init.headers.Authorization === 'Bearer x')).toBe(true);
});

test('listStudies stops when a server that ignores paging sends the same page again', async () => {
  const page = [{ '0020000D': { vr: 'UI', Value: ['1.2.3.1'] } }, { '0020000D': { vr: 'UI', Value: ['1.2.3.2'] } }];
  let calls = 0;
  const fetch = async () => {
    calls++;
    const body = JSON.stringify(page);
    return { status: 200, headers: { get: () => 'application/dicom+json' }, text: async () => body, arrayBuffer: async () => new TextEncoder().encode(body).buffer };
  };
  expect(await listStudies(PACS_ROOT, { fetch, pageSize: 2 })).toEqual(['1.2.3.1', '1.2.3.2']);
  expect(calls).toBe(2);
});
