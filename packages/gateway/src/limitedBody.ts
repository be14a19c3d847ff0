import { Transform, pipeline, type Readable } from 'node:stream';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the request body is larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The request body as it streams to the PACS, failing with BodyTooLargeError at the first byte
 * past the limit (a chunked body has no Content-Length to refuse up front). A failure on either
 * side destroys the other, so an aborted upload ends the upstream request too.
 */
export function limitedBody(body: Readable, limitBytes: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limitBytes ? new BodyTooLargeError(limitBytes) : null, chunk);
    },
  });
  pipeline(body, counter, () => undefined);
  return counter;
}

/** The error, or an error it was caused by, that is a BodyTooLargeError. */
export function bodyTooLargeCause(error: unknown): BodyTooLargeError | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++) {
    if (cause instanceof BodyTooLargeError) return cause;
  }
  return undefined;
}
