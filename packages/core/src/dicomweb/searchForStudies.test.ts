import { jsonString, jsonStrings } from './dicomJson';
import { orthancJson, recordedFetch, ROOT, STUDY } from './dicomwebRead.fixture';
import { DicomwebReadError } from './DicomwebReadError';
import { searchForStudies } from './searchForStudies';

// Why: the programme inventory lists the PACS's studies page by page with this search and skips
// those without a SEG by their ModalitiesInStudy; the query must reach the server as written and
// each answer become datasets or a DicomwebReadError.

const STUDY_WITH_SEG = { '0020000D': { vr: 'UI', Value: [STUDY] }, '00080061': { vr: 'CS', Value: ['CT', 'SEG', 'SR'] } };

test('GETs {root}/studies with the query (trailing slashes of the root dropped), asking for DICOM JSON', async () => {
  const { fetch, requests } = recordedFetch([orthancJson([STUDY_WITH_SEG])]);
  const datasets = await searchForStudies(`${ROOT}//`, { includefield: ['00080061'], limit: 2, offset: 4 }, { fetch, headers: { Authorization: 'Bearer t0ken' } });
  expect(requests).toEqual([{
    url: `${ROOT}/studies?includefield=00080061&limit=2&offset=4`,
    init: { method: 'GET', headers: { Authorization: 'Bearer t0ken', Accept: 'application/dicom+json' } },
  }]);
  expect([jsonString(datasets[0], '0020000D'), jsonStrings(datasets[0], '00080061')]).toEqual([STUDY, ['CT', 'SEG', 'SR']]);
});

test('an empty query asks for {root}/studies; nothing matched (204) is []', async () => {
  const { fetch, requests } = recordedFetch([{ status: 204 }]);
  expect(await searchForStudies(ROOT, {}, { fetch })).toEqual([]);
  expect(requests[0].url).toBe(`${ROOT}/studies`);
});

test('an HTTP error is a DicomwebReadError naming the URL', async () => {
  const { fetch } = recordedFetch([{ status: 401 }]);
  const error = await searchForStudies(ROOT, { limit: 10 }, { fetch }).catch((e: unknown) => e as DicomwebReadError);
  expect(error).toBeInstanceOf(DicomwebReadError);
  expect((error as DicomwebReadError).message).toBe(`The PACS answered HTTP 401 for ${ROOT}/studies?limit=10: you are not signed in, or the session expired.`);
});
