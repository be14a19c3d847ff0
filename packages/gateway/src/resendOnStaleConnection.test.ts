import type { RetryDetails } from '@fastify/reply-from';
import { resendOnStaleConnection, STALE_CONNECTION_RESENDS } from './resendOnStaleConnection';

// Why: a STOW that reached a connection Orthanc had just closed failed with 502 "PACS unreachable"
// (seen after an adjudicator signed in again: the pool sat idle meanwhile). The gateway holds the
// body, so it sends it again; it never resends after an answer, nor more than twice.
const details = (code: string | undefined, attempt: number, answered = false): RetryDetails => ({
  err: Object.assign(new Error('socket'), code ? { code } : {}),
  req: {} as RetryDetails['req'],
  res: (answered ? { statusCode: 503 } : undefined) as unknown as RetryDetails['res'],
  attempt,
  retriesCount: 0,
  getDefaultDelay: () => null,
});

it.each(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])('%s before any answer: sent again at once', (code) => {
  expect(resendOnStaleConnection(details(code, 0))).toBe(1);
  expect(resendOnStaleConnection(details(code, STALE_CONNECTION_RESENDS - 1))).toBe(1);
});

it('not after the last resend, not after an answer, not for other errors', () => {
  expect(resendOnStaleConnection(details('ECONNRESET', STALE_CONNECTION_RESENDS))).toBeNull();
  expect(resendOnStaleConnection(details('ECONNRESET', 0, true))).toBeNull();
  expect(resendOnStaleConnection(details('UND_ERR_HEADERS_TIMEOUT', 0))).toBeNull();
  expect(resendOnStaleConnection(details(undefined, 0))).toBeNull();
});
