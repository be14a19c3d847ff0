import { jsonString, type DicomJsonDataset } from './dicomJson';
import { orthancJson, orthancNotFound, ORTHANC_SEG_SERIES, recordedFetch, ROOT, SERIES, STUDY, type RecordedAnswer, type RecordedRequest } from './dicomwebRead.fixture';
import { DicomwebReadError } from './DicomwebReadError';
import { searchForSeries } from './searchForSeries';

// Why: the annotation panel lists a study's SEG series from this search (PS3.18 10.6). The query
// must reach Orthanc in a form it reads (one includefield per attribute) and every answer — some,
// none (200 [] or 204), an unreadable one — must become datasets or a DicomwebReadError.

const query = { match: { Modality: 'SEG' }, includefield: ['0008103E', '00080021'] };
const URL = `${ROOT}/studies/${STUDY}/series?Modality=SEG&includefield=0008103E&includefield=00080021`;

async function search(answer: RecordedAnswer): Promise<{ datasets?: DicomJsonDataset[]; error?: DicomwebReadError; requests: RecordedRequest[] }> {
  const { fetch, requests } = recordedFetch([answer]);
  const result = await searchForSeries(ROOT, { studyInstanceUid: STUDY }, query, { fetch, headers: () => ({ Authorization: 'Bearer t0ken' }) }).then(
    (datasets) => ({ datasets }),
    (error: unknown) => ({ error: error as DicomwebReadError }),
  );
  return { ...result, requests };
}

test('GETs {root}/studies/{study}/series with the query, asking for DICOM JSON; gives the datasets as answered', async () => {
  const { datasets, requests } = await search(orthancJson([ORTHANC_SEG_SERIES]));
  expect(requests).toEqual([{ url: URL, init: { method: 'GET', headers: { Authorization: 'Bearer t0ken', Accept: 'application/dicom+json' } } }]);
  expect(datasets).toEqual([ORTHANC_SEG_SERIES]);
  expect([jsonString(datasets![0], '0020000E'), jsonString(datasets![0], '0008103E')]).toEqual([SERIES, 'Lungs and nodules (arivera)']);
});

test('nothing matched: 200 [] (Orthanc), 204 No Content, or an empty body are []', async () => {
  expect((await search(orthancJson([]))).datasets).toEqual([]);
  expect((await search({ status: 204 })).datasets).toEqual([]);
  expect((await search({ status: 200, headers: { 'Content-Type': 'application/dicom+json' }, body: '' })).datasets).toEqual([]);
});

test('an answer that is not an array of DICOM JSON datasets is a parse error', async () => {
  const html = (await search({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>Sign in</html>' })).error!;
  expect([html.kind, html.status, html.url]).toEqual(['parse', 200, URL]);
  expect(html.reason).toMatch(/^it is not JSON \(/);
  expect((await search({ status: 200, body: '{"00080060":{"vr":"CS"}}' })).error!.reason).toBe('it is not a JSON array of DICOM datasets');
  expect((await search({ status: 200, body: '[{}, 3]' })).error!.reason).toBe('item 1 of the array is not a DICOM JSON dataset');
});

test('HTTP errors and no answer', async () => {
  const missing = (await search(orthancNotFound(`/dicom-web/studies/${STUDY}/series`))).error!;
  expect(missing).toBeInstanceOf(DicomwebReadError);
  expect([missing.kind, missing.status, missing.message]).toEqual(['http', 404, `The PACS answered HTTP 404 for ${URL}: it has no such resource.`]);
  expect((await search({ status: 503 })).error!.message).toBe(`The PACS answered HTTP 503 for ${URL}: it is unavailable.`);
  const down = (await search({ networkError: 'connect ECONNREFUSED 127.0.0.1:8042' })).error!;
  expect([down.kind, down.message]).toEqual(['network', `The PACS could not be reached for ${URL}: connect ECONNREFUSED 127.0.0.1:8042.`]);
  const broken = (await search({ brokenBody: 200 })).error!;
  expect([broken.kind, broken.reason]).toEqual(['network', 'the answer broke off (terminated)']);
});
