import { DicomValueError } from '../dicom/DicomValueError';
import { ascii, concat, INSTANCE, orthancMultipart, orthancNotFound, recordedFetch, ROOT, SERIES, STUDY, type RecordedAnswer, type RecordedRequest } from './dicomwebRead.fixture';
import { DicomwebReadError } from './DicomwebReadError';
import { MultipartParseError } from './MultipartParseError';
import { retrieveInstance } from './retrieveInstance';
import { tinyCt } from './stow.fixture';

// Why: the viewer and the CLI fetch each SEG they judge through WADO-RS (PS3.18 10.4.1.1.1). The
// file must come out of the multipart answer byte for byte, and every way the answer can go wrong
// must become a DicomwebReadError that says which, for which URL.

const uids = { studyInstanceUid: STUDY, seriesInstanceUid: SERIES, sopInstanceUid: INSTANCE };
const URL = `${ROOT}/studies/${STUDY}/series/${SERIES}/instances/${INSTANCE}`;

async function retrieve(answer: RecordedAnswer, headers?: () => Record<string, string>): Promise<{ bytes?: Uint8Array; error?: unknown; requests: RecordedRequest[] }> {
  const { fetch, requests } = recordedFetch([answer]);
  const result = await retrieveInstance(`${ROOT}/`, uids, { fetch, headers }).then((bytes) => ({ bytes }), (error: unknown) => ({ error }));
  return { ...result, requests };
}

async function readError(answer: RecordedAnswer): Promise<DicomwebReadError> {
  const { error } = await retrieve(answer);
  expect(error).toBeInstanceOf(DicomwebReadError);
  return error as DicomwebReadError;
}

test('GETs the instance as stored (transfer-syntax=*), with the caller auth header, and gives its Part 10 file byte for byte', async () => {
  const file = tinyCt(1);
  const { bytes, requests } = await retrieve(orthancMultipart([file]), () => ({ Authorization: 'Bearer t0ken', accept: 'text/html' }));
  expect(requests).toEqual([{ url: URL, init: { method: 'GET', headers: { Authorization: 'Bearer t0ken', Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } } }]);
  expect(Buffer.from(bytes!).equals(Buffer.from(file))).toBe(true);
});

test('headers may be a fixed object; a single application/dicom body is taken as it is', async () => {
  const file = tinyCt(2);
  const { fetch, requests } = recordedFetch([{ status: 200, headers: { 'Content-Type': 'application/dicom' }, body: file }]);
  const bytes = await retrieveInstance(ROOT, uids, { fetch, headers: { Authorization: 'Basic dXNlcjpwdw==' } });
  expect(requests[0].init.headers.Authorization).toBe('Basic dXNlcjpwdw==');
  expect(Buffer.from(bytes).equals(Buffer.from(file))).toBe(true);
});

test('of several parts, the first', async () => {
  const { bytes } = await retrieve(orthancMultipart([tinyCt(3), tinyCt(4)]));
  expect(Buffer.from(bytes!).equals(Buffer.from(tinyCt(3)))).toBe(true);
});

test("Orthanc's 404 for an unknown instance: an http error with its status and URL", async () => {
  const error = await readError(orthancNotFound(`/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${INSTANCE}`));
  expect([error.kind, error.status, error.url]).toEqual(['http', 404, URL]);
  expect(error.message).toBe(`The PACS answered HTTP 404 for ${URL}: it has no such resource.`);
});

test('no answer, or an answer that breaks off: network errors', async () => {
  const refused = await readError({ networkError: 'fetch failed' });
  expect([refused.kind, refused.status, refused.message]).toEqual(['network', undefined, `The PACS could not be reached for ${URL}: fetch failed.`]);
  const broken = await readError({ brokenBody: 200 });
  expect([broken.kind, broken.status, broken.reason]).toEqual(['network', 200, 'the answer broke off (terminated)']);
});

test('an answer that is not a Part 10 file: parse errors saying why', async () => {
  const json = await readError({ status: 200, headers: { 'Content-Type': 'application/dicom+json' }, body: '[]' });
  expect([json.kind, json.status, json.reason]).toEqual(['parse', 200, 'Content-Type "application/dicom+json" is not multipart']);

  const whole = orthancMultipart([tinyCt(1)]) as { status: number; headers: Record<string, string>; body: Uint8Array };
  const truncated = await readError({ ...whole, body: whole.body.subarray(0, whole.body.length - 30) });
  expect([truncated.kind, truncated.reason]).toEqual(['parse', 'part 1 does not end with a delimiter: the body is truncated']);
  expect(truncated.cause).toBeInstanceOf(MultipartParseError);

  const noPart = await readError({ ...whole, body: ascii(`--${/boundary=(.*)$/.exec(whole.headers['Content-Type'])![1]}--\r\n`) });
  expect(noPart.reason).toBe('the multipart answer has no part');

  const notDicom = await readError(orthancMultipart([concat([new Uint8Array(128), ascii('DICX')])]));
  expect(notDicom.reason).toBe('its part is not a DICOM Part 10 file (no "DICM" after the 128-byte preamble, PS3.10 7.1)');
});

test('an invalid UID throws a DicomValueError before any request', async () => {
  const { fetch, requests } = recordedFetch([]);
  await expect(retrieveInstance(ROOT, { ...uids, sopInstanceUid: '1.2.3/../4' }, { fetch })).rejects.toThrow(DicomValueError);
  expect(requests).toEqual([]);
});
