import replyFrom from '@fastify/reply-from';
import { resendOnStaleConnection } from './resendOnStaleConnection';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_DICOM_JSON_BYTES, MultipartParseError, type DicomJsonDataset } from '@segqc/core';
import { blindedAnswer, blindedRead, type BlindedRequest } from './blinding';
import { DICOMWEB_ROUTES, type DicomwebRoute } from './dicomwebRoutes';
import { invalidDicomwebParam } from './dicomwebParams';
import { sendGatewayError, sendStepUpChallenge, sendUnauthenticated } from './gatewayError';
import { clientResponseHeaders, isDicomwebErrorBody, upstreamRequestHeaders } from './headerPolicy';
import { isSameOriginWrite, type HostPolicy } from './hostPolicy';
import { AccessTokenError, type AccessTokenVerifier, type TokenIdentity } from './accessTokens';
import { bodyTooLargeCause, limitedBody } from './limitedBody';
import { permissionsOf } from './rolePolicy';
import { SeriesIndex } from './seriesIndex';
import type { ReportSigner } from './reportSigner';
import { ReportSigningError } from './signStoredObject';
import { StepUpRequired, signedStoreBody } from './signedStoreBody';
import { forwardedBody, storeBodyOf, type StoreBody } from './storeBody';
import { checkStoreBody } from './storePolicy';
import { StoreRefusal } from './storeRefusal';
import { QueryParameterError, upstreamQuery } from './upstreamQuery';
import { journalEntriesOf, type PendingEntry } from './journalEntriesOf';
import type { WriteJournal } from './writeJournal';

export interface DicomwebGatewayOptions {
  /** The PACS's DICOMweb root, e.g. http://127.0.0.1:8042/dicom-web. */
  upstream: URL;
  /** Replaces the client's Authorization towards the PACS (a credential only the gateway holds). */
  upstreamAuthorization?: string;
  /** Forward the client's (checked) Host: Orthanc builds BulkDataURIs from it, so they point back here. */
  keepHostHeader: boolean;
  /** The Host/Origin policy, known once the server listens. */
  hostPolicy: () => HostPolicy;
  stowBodyLimitBytes: number;
  /** Longest wait for the PACS's answer to start, and between two chunks of it. */
  upstreamTimeoutMs: number;
  /** When given, every request needs a valid bearer access token with a SegQC role. */
  accessTokens?: AccessTokenVerifier;
  /** When given, every object the PACS accepts through STOW-RS is recorded in it before the answer returns. */
  journal?: WriteJournal;
  /** With sign-in, the VERIFIED QC reports stored are signed for the user with this, after a fresh login (signedStoreBody.ts). */
  signer?: ReportSigner;
}

/** Methods that have a row for some path of the table get 405 on the others; HEAD included. */
const OTHER_METHODS = ['DELETE', 'PATCH', 'PUT', 'OPTIONS', 'HEAD', 'GET', 'POST'] as const;

/**
 * The DICOMweb routes of the allow-list (dicomwebRoutes.ts), forwarded to the PACS with
 * @fastify/reply-from (undici): streaming both ways, upstream timeouts, a reset upstream ending the
 * client's answer. Registered under the DICOMweb prefix; the Host check and the refusal of
 * encoded paths run before routing, in the app (gatewayApp.ts).
 */
export const dicomwebGateway: FastifyPluginAsync<DicomwebGatewayOptions> = async (app, options) => {
  const basePath = options.upstream.pathname.replace(/\/$/, '');
  const tooLarge = (reply: FastifyReply) => sendGatewayError(reply, 413, 'payload-too-large', `STOW-RS bodies are limited to ${options.stowBodyLimitBytes} bytes`);
  await app.register(replyFrom, {
    base: options.upstream.origin,
    disableRequestLogging: true,
    undici: {
      // Fewer than Orthanc's HttpThreadsCount (20): its web server holds a thread per kept-alive
      // connection, and a connection beyond them waits a second for one (measured, gatewayLoad bench).
      connections: 16,
      pipelining: 1,
      keepAliveTimeout: 10_000,
      // Orthanc hints `Keep-Alive: timeout=1`; with undici's default 2 s margin every request would
      // open a new connection (measured: 307 connections for 307 requests).
      keepAliveTimeoutThreshold: 500,
      headersTimeout: options.upstreamTimeoutMs,
      bodyTimeout: options.upstreamTimeoutMs,
    },
  });

  // STOW bodies stream through untouched, counted against the limit; nothing else has a body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, limitedBody(payload, options.stowBodyLimitBytes)));

  // The signed-in user of each request, once their token is checked.
  const users = new WeakMap<FastifyRequest, TokenIdentity>();
  const seriesIndex = new SeriesIndex({ root: options.upstream.href.replace(/\/$/, ''), upstreamAuthorization: options.upstreamAuthorization });
  if (options.accessTokens) {
    const verify = options.accessTokens;
    app.addHook('onRequest', async (request, reply) => {
      let identity: TokenIdentity;
      try {
        identity = await verify(header(request, 'authorization'));
      } catch (error) {
        if (!(error instanceof AccessTokenError)) throw error;
        return sendUnauthenticated(reply, error.message);
      }
      if (identity.roles.length === 0) return sendGatewayError(reply, 403, 'no-role', 'the signed-in user has no SegQC role');
      users.set(request, identity);
    });
  }

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET') {
      // A QIDO/WADO request has no body; one that does is refused, not half-read.
      if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined) {
        return sendGatewayError(reply, 400, 'bad-request', 'DICOMweb GET requests have no body');
      }
      return;
    }
    if (!isSameOriginWrite(options.hostPolicy(), header(request, 'origin'), header(request, 'sec-fetch-site'))) {
      return sendGatewayError(reply, 403, 'cross-origin-write', 'writes are accepted from the viewer\'s own origin only');
    }
    if (request.method !== 'POST') return;
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > options.stowBodyLimitBytes) return tooLarge(reply);
    if (!/^multipart\/related\s*;/i.test(header(request, 'content-type') ?? '')) {
      return sendGatewayError(reply, 415, 'unsupported-media-type', 'STOW-RS takes multipart/related bodies (PS3.18 10.5.1)');
    }
  });

  const methodsByPath = new Map<string, Set<string>>();
  for (const route of DICOMWEB_ROUTES) {
    methodsByPath.set(route.path, (methodsByPath.get(route.path) ?? new Set()).add(route.method));
    app.route({ method: route.method, url: route.path, exposeHeadRoute: false, handler: (request, reply) => handle(route, request, reply) });
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods].join(', ');
    const others = OTHER_METHODS.filter((method) => !methods.has(method));
    app.route({ method: others, url: path, exposeHeadRoute: false, handler: (_request, reply) => sendGatewayError(reply.header('allow', allow), 405, 'method-not-allowed', `${path} allows ${allow}`) });
  }
  // Everything else under the prefix is the gateway's 404, whatever other routes the app has (the
  // viewer's static files answer `/*`).
  const notFound = (_request: FastifyRequest, reply: FastifyReply) => sendGatewayError(reply, 404, 'not-found', 'not a DICOMweb resource this gateway serves');
  app.all('/', notFound);
  app.all('/*', notFound);
  app.setNotFoundHandler(notFound);

  /**
   * Checks the request's path and query; then, for a signed-in user, the role policy: a STOW body
   * is read whole and checked (storePolicy.ts) before any byte reaches the PACS — a SEG in it that
   * names no creator is sent with the user recorded as its creator — and an annotator's read is
   * blinded (blinding.ts). Then forwards.
   */
  async function handle(route: DicomwebRoute, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const params = request.params as Record<string, string>;
    const invalid = invalidDicomwebParam(params);
    if (invalid) return sendGatewayError(reply, 400, 'invalid-parameter', `the ${invalid} in the path is not valid`);
    let query: string;
    try {
      query = upstreamQuery(request.raw.url ?? '');
    } catch (error) {
      if (error instanceof QueryParameterError) return sendGatewayError(reply, 400, 'bad-query', error.message);
      throw error;
    }
    const user = users.get(request);
    if (route.action === 'store' && (user || options.journal)) return store(request, reply, query, user);
    if (!user) return forward(request, reply, query, {});
    if (permissionsOf(user.roles).reads === 'everything') return forward(request, reply, query, {});
    const blinded: BlindedRequest = { route: route.path, params, user, authorization: header(request, 'authorization') };
    let read;
    try {
      read = await blindedRead(blinded, seriesIndex);
    } catch {
      return sendGatewayError(reply, 502, 'pacs-unreachable', 'the PACS could not be asked what this resource holds');
    }
    if (read.decision === 'refuse') return sendGatewayError(reply, 403, 'blinded', read.message);
    return forward(request, reply, query, read.decision === 'filter' ? { blinded } : {});
  }

  /**
   * A STOW-RS request read whole, and its parts once (storeBody.ts): with sign-in, checked against
   * the role policy (storePolicy.ts) — a SEG in it that names no creator is sent with the user
   * recorded as its creator — and, with a signer, its VERIFIED reports and reference SEGs signed for
   * the user after a fresh login (signedStoreBody.ts); with a journal, each object recorded (with
   * the signature added to it) once the PACS has accepted it.
   */
  async function store(request: FastifyRequest, reply: FastifyReply, query: string, user: TokenIdentity | undefined): Promise<FastifyReply> {
    let body: Buffer;
    try {
      body = await bodyOf(request.body as Readable);
    } catch (error) {
      if (bodyTooLargeCause(error)) return tooLarge(reply);
      throw error;
    }
    const contentType = header(request, 'content-type')!;
    let parsed: StoreBody | undefined;
    let sent: Uint8Array = body;
    try {
      parsed = storeBodyOf(body, contentType);
      if (user) {
        parsed = checkStoreBody(parsed, user, header(request, 'host')!);
        if (options.signer) parsed = signedStoreBody(parsed, options.signer, user, new Date());
        sent = forwardedBody(parsed);
      }
    } catch (error) {
      // Without sign-in the body goes to the PACS as it came, which answers what it makes of it.
      if (error instanceof MultipartParseError && !user) parsed = undefined;
      else if (error instanceof MultipartParseError) return sendGatewayError(reply, 400, 'bad-request', `the STOW-RS body is not multipart/related: ${error.message}`);
      else if (error instanceof StepUpRequired) return sendStepUpChallenge(reply, error.message, error.maxAgeSeconds);
      else if (error instanceof ReportSigningError) return sendGatewayError(reply, 500, 'signing-failed', `the gateway could not sign: ${error.message}; tell the site administrator`);
      else if (error instanceof StoreRefusal) return sendGatewayError(reply, error.status, error.status === 403 ? 'store-refused' : 'bad-request', error.message);
      else throw error;
    }
    const journaled = options.journal ? (parsed ? journalEntriesOf(parsed, user) : []) : undefined;
    return forward(request, reply, query, { body: Buffer.from(sent.buffer, sent.byteOffset, sent.byteLength), contentType, ...(journaled ? { journaled } : {}) });
  }

  /** Sends `datasets`' visible part as the answer: a DICOM JSON array of what the user may see. */
  async function sendBlinded(answer: FastifyReply, upstream: UpstreamAnswer, blinded: BlindedRequest): Promise<FastifyReply> {
    let body: Buffer;
    try {
      body = await bodyOf(limitedBody(upstream.stream, MAX_DICOM_JSON_BYTES));
    } catch (error) {
      if (!bodyTooLargeCause(error)) throw error;
      return sendGatewayError(answer, 502, 'pacs-error', 'the PACS answered more DICOM JSON than the gateway reads');
    }
    let datasets: DicomJsonDataset[];
    try {
      const parsed: unknown = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
      if (!Array.isArray(parsed)) throw new TypeError('not an array');
      datasets = parsed as DicomJsonDataset[];
    } catch {
      return sendGatewayError(answer, 502, 'pacs-error', 'the PACS answered DICOM JSON the gateway cannot read');
    }
    const visible = await blindedAnswer(datasets, blinded, seriesIndex);
    // The body is the gateway's own: the PACS's length and validators do not describe it.
    for (const name of ['content-length', 'etag', 'last-modified']) answer.removeHeader(name);
    return answer.header('content-type', 'application/dicom+json').send(JSON.stringify(visible));
  }

  function forward(
    request: FastifyRequest, reply: FastifyReply, query: string, how: { body?: Buffer; contentType?: string; blinded?: BlindedRequest; journaled?: PendingEntry[] },
  ): FastifyReply {
    const rawPath = (request.raw.url ?? '').split('?')[0]!;
    const path = basePath + rawPath.slice(app.prefix.length);
    const clientHost = header(request, 'host')!;
    return reply.from(path, {
      ...(how.body ? { body: how.body, contentType: how.contentType } : {}),
      // A kept-alive connection the PACS closed just as it was reused (Orthanc closes after 1 s idle;
      // a busy event loop can miss undici's earlier close) fails before any answer: a read is sent
      // again on another connection, and so is a STOW the gateway holds whole (resendOnStaleConnection.ts),
      // and, with retries on, a PACS's 503 goes to the client with its Retry-After.
      retriesCount: 2,
      ...(how.body ? { retryDelay: resendOnStaleConnection } : {}),
      queryString: () => query.slice(1),
      rewriteRequestHeaders: (incoming) => ({
        ...upstreamRequestHeaders(how.blinded ? withoutConditionals(incoming.headers) : incoming.headers, {
          upstreamAuthorization: options.upstreamAuthorization,
          host: options.keepHostHeader ? clientHost : options.upstream.host,
          forwardedHost: options.keepHostHeader ? undefined : clientHost,
          forwardedProto: request.protocol === 'https' ? 'https' : 'http',
          withBody: request.method === 'POST',
        }),
        // The body sent may be longer than the client's: a SEG the gateway recorded the creator in.
        ...(how.body ? { 'content-length': String(how.body.length) } : {}),
      }),
      rewriteHeaders: (headers) => clientResponseHeaders(headers),
      onResponse: (_request, rawAnswer, rawUpstream) => {
        const answer = rawAnswer as FastifyReply;
        // reply-from's types describe a server response; what it passes is undici's answer.
        const upstream = rawUpstream as unknown as UpstreamAnswer;
        const status = upstream.statusCode;
        if (how.blinded && status === 200) {
          return void sendBlinded(answer, upstream, how.blinded).catch(() => {
            if (!answer.sent) sendGatewayError(answer, 502, 'pacs-unreachable', 'the PACS could not be asked what this answer holds');
          });
        }
        if (how.journaled && (status === 200 || status === 202)) {
          try {
            const at = new Date().toISOString();
            options.journal!.append(how.journaled.map((entry) => ({ ...entry, at, pacsStatus: status })));
          } catch {
            upstream.stream.resume();
            return sendGatewayError(answer, 500, 'journal-failed', 'the PACS stored the objects, but the gateway could not record them in its journal; tell the site administrator');
          }
        }
        if (status < 400 || isDicomwebErrorBody(header(upstream, 'content-type'))) return answer.send(upstream.stream);
        upstream.stream.resume();
        // The status stays (a client retries a 503 after its Retry-After, not a 501); the body is ours.
        if (status >= 500) return sendGatewayError(answer, status, 'pacs-error', `the PACS failed (HTTP ${status})`);
        return sendGatewayError(answer, status, 'pacs-refused', `the PACS refused the request (HTTP ${status})`);
      },
      onError: (rawAnswer, { error }) => {
        const answer = rawAnswer as FastifyReply;
        if (bodyTooLargeCause(error)) return tooLarge(answer);
        if ((error as { statusCode?: number }).statusCode === 504) return sendGatewayError(answer, 504, 'pacs-timeout', 'the PACS did not answer in time');
        return sendGatewayError(answer, 502, 'pacs-unreachable', 'the PACS could not be reached');
      },
    });
  }
};

interface UpstreamAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  stream: Readable;
}

/** A filtered answer is always whole and fresh: no range of it, no 304 for a copy the PACS validated. */
function withoutConditionals(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { range: _range, 'if-none-match': _match, 'if-modified-since': _since, 'if-range': _ifRange, ...rest } = headers;
  return rest;
}

/** A body in memory; its bound is the stream's own (limitedBody: the STOW limit, or the DICOM JSON limit for a filtered answer). */
async function bodyOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function header(request: { headers: Record<string, string | string[] | undefined> }, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
