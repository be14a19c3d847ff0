// Why: the read client took whatever body the PACS sent (`arrayBuffer()`, `text()`), so a hostile
// or broken PACS could answer one WADO-RS request with gigabytes, or with a stream that never ends,
// and exhaust the CLI's or the viewer worker's memory. Answers are now bounded: by Content-Length
// before reading, else while the stream arrives, with the read client's own typed error.
import { dicomwebResourceUrl } from './dicomwebResourceUrl';
import { INSTANCE, recordedFetch, ROOT, SERIES, STUDY } from './dicomwebRead.fixture';
import { responseText } from './dicomwebGet';
import { DicomwebReadError } from './DicomwebReadError';
import { readBoundedBody } from './readBoundedBody';
import type { ReadFetchLikeResponse } from './ReadFetchLike';
import { retrieveInstance } from './retrieveInstance';

const URL = 'https://pacs.test/dicom-web/studies/1/series/2/instances/3';

async function refusal(read: Promise<unknown>): Promise<DicomwebReadError> {
  const error = await read.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DicomwebReadError);
  return error as DicomwebReadError;
}

/** A WHATWG stream of `chunk` repeated without end, counting what was pulled. */
function endless(chunk: Uint8Array): { response: Response; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { response: new Response(stream, { status: 200 }), pulled: () => pulled };
}

test('a Content-Length over the limit is refused before the body is read, and the body is cancelled', async () => {
  const calls: string[] = [];
  const response: ReadFetchLikeResponse = {
    status: 200,
    headers: { get: (name) => (name.toLowerCase() === 'content-length' ? String(700 * 1024 * 1024) : null) },
    text: async () => (calls.push('text'), ''),
    arrayBuffer: async () => (calls.push('arrayBuffer'), new ArrayBuffer(0)),
    body: {
      getReader: () => {
        throw new Error('the body was read');
      },
      cancel: async () => void calls.push('cancel'),
    },
  };
  const error = await refusal(readBoundedBody(response, URL, 512 * 1024 * 1024));
  expect([error.kind, error.status, error.reason]).toEqual(['parse', 200, 'it is 700.0 MiB, more than the 512.0 MiB SegQC reads']);
  expect(error.message).toBe(`The PACS's answer for ${URL} could not be read: it is 700.0 MiB, more than the 512.0 MiB SegQC reads.`);
  expect(calls).toEqual(['cancel']);
});

test('a body that never ends is refused once it passes the limit, and no more of it is pulled', async () => {
  const { response, pulled } = endless(new Uint8Array(1000));
  const error = await refusal(readBoundedBody(response, URL, 10_000));
  expect(error.reason).toBe('it is over 10000 bytes, more than the 10000 bytes SegQC reads');
  // 11 chunks make 11,000 bytes; the stream may have queued one more ahead of the reader.
  expect(pulled()).toBeLessThanOrEqual(12);
});

test('a body within the limit comes back byte for byte, chunks joined', async () => {
  const bytes = Uint8Array.from({ length: 3000 }, (_, n) => n % 251);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1024) controller.enqueue(bytes.slice(at, at + 1024));
      controller.close();
    },
  });
  expect(Buffer.from(await readBoundedBody(new Response(stream), URL, 3000)).equals(Buffer.from(bytes))).toBe(true);
});

test('without a body stream (a test double, an old fetch) the whole body is read, then checked', async () => {
  const response: ReadFetchLikeResponse = { status: 200, headers: { get: () => null }, text: async () => '', arrayBuffer: async () => new ArrayBuffer(2048) };
  expect((await refusal(readBoundedBody(response, URL, 2047))).reason).toBe('it is 2048 bytes, more than the 2047 bytes SegQC reads');
  expect((await readBoundedBody(response, URL, 2048)).length).toBe(2048);
});

test('DICOM JSON text is decoded as UTF-8 after the chunks are joined, a character split across two chunks included', async () => {
  const json = Buffer.from('[{"00100010":{"vr":"PN","Value":[{"Alphabetic":"Ødegård^Åsa"}]}}]', 'utf8');
  const split = json.indexOf(Buffer.from('ø', 'utf8')) + 1;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(json.subarray(0, split)));
      controller.enqueue(new Uint8Array(json.subarray(split)));
      controller.close();
    },
  });
  expect(await responseText(new Response(stream), URL)).toBe(json.toString('utf8'));
  expect((await refusal(responseText(new Response(json), URL, 10))).kind).toBe('parse');
});

test('retrieveInstance refuses an instance over its limit (MAX_SR_BYTES for an SR) by Content-Length', async () => {
  const { fetch } = recordedFetch([{ status: 200, headers: { 'Content-Type': 'application/dicom', 'Content-Length': String(65 * 1024 * 1024) }, body: new Uint8Array(200) }]);
  const instance = { studyInstanceUid: STUDY, seriesInstanceUid: SERIES, sopInstanceUid: INSTANCE };
  const error = await refusal(retrieveInstance(ROOT, instance, { fetch }, 64 * 1024 * 1024));
  expect([error.kind, error.url, error.reason]).toEqual(['parse', dicomwebResourceUrl(ROOT, instance), 'it is 65.0 MiB, more than the 64.0 MiB SegQC reads']);
});
