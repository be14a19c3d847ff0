import type { FetchLikeResponse } from './FetchLike';

/**
 * The part of WHATWG `fetch` the DICOMweb read client uses: a GET whose answer is read as text
 * (DICOM JSON) or as bytes (multipart/related). Like FetchLike (the STOW-RS side) it is injected:
 * `globalThis.fetch` (browser, Web Worker, Node ≥ 18) satisfies both, and so does a wrapper that
 * adds a timeout or a test double.
 */
export interface ReadFetchLikeInit {
  method: 'GET';
  headers: Record<string, string>;
}

/** The reader of a body stream (ReadableStreamDefaultReader), as far as it is used. */
export interface ReadFetchLikeBodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The body of an answer as a stream (WHATWG `Response.body`): read chunk by chunk, so that its size is bounded while it arrives. */
export interface ReadFetchLikeBody {
  getReader(): ReadFetchLikeBodyReader;
  cancel(reason?: unknown): Promise<void>;
}

export interface ReadFetchLikeResponse extends FetchLikeResponse {
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The body as a stream, when the fetch gives one (every WHATWG fetch does; a test double may not). */
  readonly body?: ReadFetchLikeBody | null;
}

export type ReadFetchLike = (url: string, init: ReadFetchLikeInit) => Promise<ReadFetchLikeResponse>;
