import { DicomwebReadError } from './DicomwebReadError';

// Why: a failed read reaches the user through the viewer's notification; the sentence must say
// what happened (which status, or no answer, or an unreadable answer) and for which URL.
const url = 'https://pacs.test/dicom-web/studies/1.2.3/series?Modality=SEG';

test('http: the status, what it means when it is a common one, and the URL', () => {
  const error = new DicomwebReadError({ kind: 'http', url, status: 404 });
  expect([error.name, error.kind, error.status, error.url, error.reason]).toEqual(['DicomwebReadError', 'http', 404, url, undefined]);
  expect(error.message).toBe(`The PACS answered HTTP 404 for ${url}: it has no such resource.`);
  expect(new DicomwebReadError({ kind: 'http', url, status: 401 }).message).toBe(`The PACS answered HTTP 401 for ${url}: you are not signed in, or the session expired.`);
  expect(new DicomwebReadError({ kind: 'http', url, status: 418 }).message).toBe(`The PACS answered HTTP 418 for ${url}.`);
});

test('network: no status, the cause kept', () => {
  const cause = new TypeError('fetch failed');
  const error = new DicomwebReadError({ kind: 'network', url, reason: 'fetch failed', cause });
  expect([error.status, error.cause]).toEqual([undefined, cause]);
  expect(error.message).toBe(`The PACS could not be reached for ${url}: fetch failed.`);
});

test('parse: the status of the answer and what is wrong with its body', () => {
  const error = new DicomwebReadError({ kind: 'parse', url, status: 200, reason: 'it is not a JSON array of DICOM datasets' });
  expect(error.message).toBe(`The PACS's answer for ${url} could not be read: it is not a JSON array of DICOM datasets.`);
  expect(error).toBeInstanceOf(Error);
});
