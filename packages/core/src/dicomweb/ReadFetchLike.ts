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

export interface ReadFetchLikeResponse extends FetchLikeResponse {
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ReadFetchLike = (url: string, init: ReadFetchLikeInit) => Promise<ReadFetchLikeResponse>;
