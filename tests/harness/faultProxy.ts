import { Agent, createServer, request as forward, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SeededRandom } from '@segqc/core';

/**
 * What the proxy does to one request:
 * - `dropBeforeForwarding`: reads the request, then closes the connection; the PACS never sees it;
 * - `dropAfterForwarding`: the PACS stores and answers, the client's connection is closed instead
 *   of answered — the client cannot know the write happened (the idempotency case);
 * - `truncateResponse`: forwards, then sends the status, headers and half the PACS's answer, and closes;
 * - `error500`, `unavailable503` (with Retry-After): answers itself, without forwarding;
 * - `delay`: waits, then forwards normally.
 */
export const FAULT_KINDS = ['dropBeforeForwarding', 'dropAfterForwarding', 'truncateResponse', 'error500', 'unavailable503', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** Origin of the server behind the proxy, on loopback, e.g. http://127.0.0.1:8042. */
  target: string;
  /** Seed of the fault schedule: the n-th faultable request always meets the same fault. */
  seed: number;
  /** Probability of each fault per faultable request (their sum at most 1); the rest pass untouched. */
  rates: Partial<Record<FaultKind, number>>;
  delayMs?: { min: number; max: number };
  retryAfterSeconds?: number;
  /** Which requests may meet a fault; the others are forwarded untouched. Default: POST. */
  faultable?: (request: IncomingMessage) => boolean;
  /** Sees every request as it arrives (e.g. to check its headers). */
  inspect?: (request: IncomingMessage) => void;
  /** Request and response bodies are buffered; larger ones are refused (413) or dropped. */
  maxBodyBytes?: number;
  /** The proxy closes itself after this long even if nobody closes it. */
  lifetimeMs?: number;
  /** Sent to the target instead of the client's Authorization (a locked-down Orthanc's credential). */
  targetAuthorization?: string;
}

export type FaultProxyCounts = Record<FaultKind | 'requests' | 'faultable' | 'forwarded' | 'clean', number>;

export interface FaultProxy {
  /** Origin of the proxy, e.g. http://127.0.0.1:40123: the target's paths work under it. */
  url: string;
  /** What happened so far: requests seen, faultable ones, each fault, requests forwarded to the target. */
  counts: FaultProxyCounts;
  /** Stops listening, destroys open connections, cancels pending delays and upstream requests. */
  close(): Promise<void>;
}

// RFC 9110 7.6.1: connection-specific headers are not forwarded; the body is re-sent with a length.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'content-length']);

function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * A loopback HTTP proxy that breaks requests on a seeded schedule, for testing that a client loses
 * nothing and stores nothing twice. Listens on 127.0.0.1 only, forwards only to a loopback target,
 * and is bounded: closing it (or its lifetime running out) releases every socket and timer.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (!isLoopback(target.hostname)) throw new Error(`the fault proxy forwards to loopback only, not to ${target.hostname}`);
  const rates = FAULT_KINDS.map((kind) => [kind, options.rates[kind] ?? 0] as const);
  if (rates.reduce((sum, [, rate]) => sum + rate, 0) > 1 + 1e-9) throw new Error('fault rates add up to more than 1');
  const schedule = new SeededRandom(options.seed);
  const delay = options.delayMs ?? { min: 50, max: 400 };
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const faultable = options.faultable ?? ((request) => request.method === 'POST');
  const counts = Object.fromEntries([...FAULT_KINDS, 'requests', 'faultable', 'forwarded', 'clean'].map((key) => [key, 0])) as FaultProxyCounts;

  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const nextFault = (): FaultKind | null => {
    let draw = schedule.next();
    for (const [kind, rate] of rates) {
      if (draw < rate) return kind;
      draw -= rate;
    }
    return null;
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const readBody = (stream: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          stream.destroy();
          reject(new Error(`body larger than ${maxBodyBytes} bytes`));
        } else chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });

  // The proxy stands in for the target: the Host, and a client's Origin, name the target.
  const towardsTarget = (headers: IncomingHttpHeaders, length: number) => ({
    ...endToEnd(headers),
    host: target.host,
    ...(headers.origin ? { origin: target.origin } : {}),
    ...(options.targetAuthorization ? { authorization: options.targetAuthorization } : {}),
    'content-length': String(length),
  });

  const sendUpstream = (request: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }>((resolve, reject) => {
      counts.forwarded++;
      const upstream = forward(
        { agent, host: target.hostname, port: target.port, method: request.method, path: request.url, headers: towardsTarget(request.headers, body.length) },
        (response) => {
          readBody(response).then((answer) => resolve({ status: response.statusCode ?? 502, headers: endToEnd(response.headers), body: answer }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const answer = (response: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer | string) => {
    response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    response.end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    counts.requests++;
    options.inspect?.(request);
    const body = await readBody(request);
    let fault: FaultKind | null = null;
    if (faultable(request)) {
      counts.faultable++;
      fault = nextFault();
    }
    if (fault) counts[fault]++;
    else counts.clean++;
    switch (fault) {
      case 'dropBeforeForwarding':
        request.socket.destroy();
        return;
      case 'error500':
        answer(response, 500, { 'content-type': 'text/plain' }, 'Injected fault: internal server error');
        return;
      case 'unavailable503':
        answer(response, 503, { 'content-type': 'text/plain', 'retry-after': String(retryAfterSeconds) }, 'Injected fault: unavailable');
        return;
      case 'delay':
        await wait(delay.min + Math.floor(schedule.next() * (delay.max - delay.min)));
        break;
      default:
        break;
    }
    if (closed) return;
    const upstream = await sendUpstream(request, body);
    if (fault === 'dropAfterForwarding') {
      request.socket.destroy();
    } else if (fault === 'truncateResponse') {
      response.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(upstream.body.length) });
      response.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)), () => request.socket.destroy());
    } else {
      answer(response, upstream.status, upstream.headers, upstream.body);
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // The client went away, the body was too large, or the target failed: end this exchange only.
      if (!response.headersSent && !response.destroyed) answer(response, 502, { 'content-type': 'text/plain' }, 'Fault proxy: upstream failed');
      else request.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      closed = true;
      clearTimeout(lifetime);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      agent.destroy();
    });
    return closing;
  };
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 5 * 60_000);
  lifetime.unref();

  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counts, close };
}
