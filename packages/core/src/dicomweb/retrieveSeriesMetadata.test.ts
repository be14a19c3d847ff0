import { CT_SERIES, orthancJson, orthancNotFound, ORTHANC_CT_METADATA, recordedFetch, ROOT, STUDY } from './dicomwebRead.fixture';
import { DicomwebReadError } from './DicomwebReadError';
import { retrieveSeriesMetadata } from './retrieveSeriesMetadata';

// Why: the source grid of a SEG is built from its source series' metadata (PS3.18 10.4.1.1.2)
// without downloading a single pixel; the request must ask for DICOM JSON at the metadata resource.

const series = { studyInstanceUid: STUDY, seriesInstanceUid: CT_SERIES };
const URL = `${ROOT}/studies/${STUDY}/series/${CT_SERIES}/metadata`;

test('GETs {root}/studies/{study}/series/{series}/metadata as DICOM JSON; gives one dataset per instance', async () => {
  const second = { ...ORTHANC_CT_METADATA, '00200013': { Value: [2], vr: 'IS' } };
  const { fetch, requests } = recordedFetch([orthancJson([ORTHANC_CT_METADATA, second])]);
  expect(await retrieveSeriesMetadata(ROOT, series, { fetch, headers: async () => ({ Authorization: 'Bearer t0ken' }) })).toEqual([ORTHANC_CT_METADATA, second]);
  expect(requests).toEqual([{ url: URL, init: { method: 'GET', headers: { Authorization: 'Bearer t0ken', Accept: 'application/dicom+json' } } }]);
});

test("Orthanc's 404 for an unknown series is an http error naming the URL", async () => {
  const { fetch } = recordedFetch([orthancNotFound(`/dicom-web/studies/${STUDY}/series/${CT_SERIES}/metadata`)]);
  const error = (await retrieveSeriesMetadata(ROOT, series, { fetch }).catch((e: unknown) => e)) as DicomwebReadError;
  expect(error).toBeInstanceOf(DicomwebReadError);
  expect([error.kind, error.status, error.url]).toEqual(['http', 404, URL]);
});
