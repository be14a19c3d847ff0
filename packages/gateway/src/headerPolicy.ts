import type { IncomingHttpHeaders } from 'node:http';

/**
 * Headers both ways, by allow-list. Towards the PACS only what DICOMweb needs goes (no cookies,
 * no hop-by-hop headers, no client `Forwarded`/`X-Forwarded-*`, which would let a client choose
 * the host the PACS writes into BulkDataURIs); back to the client only what describes the
 * answer (no `Server`, `Set-Cookie`, `WWW-Authenticate` of the PACS's own credential).
 */
const TO_PACS = ['accept', 'accept-charset', 'range', 'if-none-match', 'if-modified-since', 'if-match', 'if-range'];
/** Only a STOW request has a body: a GET's Content-Length would leave the PACS waiting for bytes that never come. */
const BODY_HEADERS = ['content-type', 'content-length'];
const TO_CLIENT = ['content-type', 'content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'cache-control', 'expires', 'warning', 'content-location', 'retry-after'];

export interface UpstreamHeaderOptions {
  /** Sent instead of the client's Authorization (the embedded Orthanc's per-start credential). */
  upstreamAuthorization?: string;
  /** Host header for the PACS: the client's (already checked) or the PACS's own. */
  host: string;
  /** The client's host and scheme, for X-Forwarded-Host/-Proto when the PACS gets its own Host. */
  forwardedHost?: string;
  forwardedProto: 'http' | 'https';
  /** The request carries a body to forward (STOW-RS). */
  withBody: boolean;
}

export function upstreamRequestHeaders(client: IncomingHttpHeaders, options: UpstreamHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of options.withBody ? [...TO_PACS, ...BODY_HEADERS] : TO_PACS) {
    const value = client[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const authorization = options.upstreamAuthorization ?? client.authorization;
  if (authorization) headers.authorization = authorization;
  headers.host = options.host;
  if (options.forwardedHost) {
    headers['x-forwarded-host'] = options.forwardedHost;
    headers['x-forwarded-proto'] = options.forwardedProto;
  }
  return headers;
}

export function clientResponseHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of TO_CLIENT) {
    const value = upstream[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/**
 * Whether the PACS's error answer reaches the client as it is: a DICOM JSON/XML body (a STOW
 * failure list, PS3.18 10.5.3) does; anything else is the PACS's own error page, which names its
 * internals (Orthanc's JSON gives the method, URI and internal error) and is replaced.
 */
export function isDicomwebErrorBody(contentType: string | undefined): boolean {
  return /^application\/dicom\+(json|xml)/i.test(contentType ?? '');
}
