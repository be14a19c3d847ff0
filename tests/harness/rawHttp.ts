import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the answer, or 0 when the connection closed without one. */
  status: number;
  /** Everything the server sent, headers and body. */
  text: string;
}

/**
 * Sends `request` byte for byte on a new TCP connection (so that paths, duplicate headers and
 * framing reach the server exactly as written, which fetch and node:http would normalise) and
 * reads until the server closes or `timeoutMs` passes.
 */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (error) => (chunks.length ? done() : reject(error)));
    socket.write(request);
  });
}

/** An HTTP/1.1 request with `Connection: close`; `headers` are written as given, in order. */
export function httpRequest(method: string, target: string, headers: Array<[string, string]>, body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), 'Connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
