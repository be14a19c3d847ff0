/**
 * The part of WHATWG `fetch` the DICOMweb client uses. packages/core compiles without DOM or Node
 * types, so callers inject `globalThis.fetch` (browser, Web Worker, Node ≥ 18) or a wrapper of
 * their own (a per-attempt timeout, a test double) through this type.
 */
export interface FetchLikeInit {
  method: 'POST';
  headers: Record<string, string>;
  /** One buffer, sent as is (an `ArrayBuffer`-backed view is what `fetch` accepts as a body). */
  body: Uint8Array<ArrayBuffer>;
}

export interface FetchLikeResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;
