import { jsonNumber, jsonString } from './dicomJson';
import { INSTANCE, orthancJson, ORTHANC_SEG_INSTANCE, recordedFetch, ROOT, SERIES, STUDY } from './dicomwebRead.fixture';
import { DicomwebReadError } from './DicomwebReadError';
import { searchForInstances } from './searchForInstances';

// Why: a SEG series is retrieved by its instances' SOP Instance UIDs, which this search gives
// (PS3.18 10.6); the request path must name the study and the series.

test('GETs {root}/studies/{study}/series/{series}/instances with the query; gives the datasets as answered', async () => {
  const { fetch, requests } = recordedFetch([orthancJson([ORTHANC_SEG_INSTANCE])]);
  const datasets = await searchForInstances(ROOT, { studyInstanceUid: STUDY, seriesInstanceUid: SERIES }, { includefield: ['00280008'], limit: 50 }, { fetch });
  expect(requests).toEqual([{ url: `${ROOT}/studies/${STUDY}/series/${SERIES}/instances?includefield=00280008&limit=50`, init: { method: 'GET', headers: { Accept: 'application/dicom+json' } } }]);
  expect(datasets).toEqual([ORTHANC_SEG_INSTANCE]);
  expect([jsonString(datasets[0], '00080018'), jsonNumber(datasets[0], '00280008')]).toEqual([INSTANCE, 196]);
});

test('no query: no query string; 204: []; 401: an http error', async () => {
  const { fetch, requests } = recordedFetch([{ status: 204 }, { status: 401 }]);
  const series = { studyInstanceUid: STUDY, seriesInstanceUid: SERIES };
  expect(await searchForInstances(ROOT, series, {}, { fetch })).toEqual([]);
  expect(requests[0].url).toBe(`${ROOT}/studies/${STUDY}/series/${SERIES}/instances`);
  const error = await searchForInstances(ROOT, series, {}, { fetch }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DicomwebReadError);
  expect((error as DicomwebReadError).message).toBe(`The PACS answered HTTP 401 for ${ROOT}/studies/${STUDY}/series/${SERIES}/instances: you are not signed in, or the session expired.`);
});
