import { MAX_DICOM_JSON_BYTES, MAX_PART10_BYTES, sizeText } from '../dicom/readLimits';
import { decodeUtf8 } from '../volume/io/decodeUtf8';
import { DicomwebReadError } from './DicomwebReadError';
import type { ReadFetchLike, ReadFetchLikeResponse } from './ReadFetchLike';
import { answerBrokeOff, readBoundedBody } from './readBoundedBody';

/**
 * The user's auth headers, e.g. `{ Authorization: 'Bearer …' }`: fixed, or asked for before each
 * request (OHIF's userAuthenticationService refreshes its token).
 */
export type DicomwebHeaders = Record<string, string> | (() => Record<string, string> | undefined | Promise<Record<string, string> | undefined>);

export interface DicomwebReadOptions {
  fetch: ReadFetchLike;
  headers?: DicomwebHeaders;
}

/**
 * One GET of a DICOMweb resource asking for `accept`. Resolves with a 2xx answer whose body is
 * not read yet; throws a DicomwebReadError of kind `network` (no answer) or `http` (any other
 * status). Reads are not retried: a viewer shows the error and the user asks again.
 */
export async function dicomwebGet(url: string, accept: string, options: DicomwebReadOptions): Promise<ReadFetchLikeResponse> {
  const given = typeof options.headers === 'function' ? await options.headers() : options.headers;
  // Accept is the request's own: the caller's headers carry auth, not the representation.
  const headers = { ...Object.fromEntries(Object.entries(given ?? {}).filter(([name]) => name.toLowerCase() !== 'accept')), Accept: accept };
  let response: ReadFetchLikeResponse;
  try {
    response = await options.fetch(url, { method: 'GET', headers });
  } catch (error) {
    throw new DicomwebReadError({ kind: 'network', url, reason: error instanceof Error ? error.message : String(error), cause: error });
  }
  if (response.status < 200 || response.status > 299) {
    // Read the (small) error body so that the connection can be reused; its text is not shown.
    await response.text().catch(() => undefined);
    throw new DicomwebReadError({ kind: 'http', url, status: response.status });
  }
  return response;
}

/**
 * The body of a 2xx answer as UTF-8 text (DICOM JSON, PS3.18 F.2), at most `maxBytes`; a connection
 * that breaks off is a `network` error, a longer answer a `parse` error.
 */
export async function responseText(response: ReadFetchLikeResponse, url: string, maxBytes: number = MAX_DICOM_JSON_BYTES): Promise<string> {
  if (response.body) return decodeUtf8(await readBoundedBody(response, url, maxBytes));
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw answerBrokeOff(response, url, error);
  }
  // A character is at least one byte: a text this long is too.
  if (text.length > maxBytes) throw new DicomwebReadError({ kind: 'parse', url, status: response.status, reason: `it is more than the ${sizeText(maxBytes)} SegQC reads` });
  return text;
}

/** The body of a 2xx answer as bytes, at most `maxBytes` (readBoundedBody). */
export function responseBytes(response: ReadFetchLikeResponse, url: string, maxBytes: number = MAX_PART10_BYTES): Promise<Uint8Array> {
  return readBoundedBody(response, url, maxBytes);
}
