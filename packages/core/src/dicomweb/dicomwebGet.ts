import { DicomwebReadError } from './DicomwebReadError';
import type { ReadFetchLike, ReadFetchLikeResponse } from './ReadFetchLike';

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

/** The body of a 2xx answer as text; a connection that breaks off is a `network` error. */
export async function responseText(response: ReadFetchLikeResponse, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new DicomwebReadError({ kind: 'network', url, status: response.status, reason: `the answer broke off (${error instanceof Error ? error.message : String(error)})`, cause: error });
  }
}

/** The body of a 2xx answer as bytes; a connection that breaks off is a `network` error. */
export async function responseBytes(response: ReadFetchLikeResponse, url: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new DicomwebReadError({ kind: 'network', url, status: response.status, reason: `the answer broke off (${error instanceof Error ? error.message : String(error)})`, cause: error });
  }
}
