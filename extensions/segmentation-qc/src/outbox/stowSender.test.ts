import { stowSender } from './stowSender';
import type { OutboxRecord } from './OutboxRecord';
import { STUDY_UID as STUDY, tinyCt } from '../../../../packages/core/src/dicomweb/stow.fixture';

// A write the STOW client refuses before sending (here: bytes that are not a DICOM file) fails for
// good: retrying it would keep it pending forever.
test('a write that is not a DICOM Part 10 file fails without retry, and nothing is sent', async () => {
  const sent: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string) => {
    sent.push(url);
    return new Response('[]');
  }) as typeof fetch;
  try {
    const record: OutboxRecord & { bytes: ArrayBuffer } = {
      sopInstanceUID: '2.25.1', owner: { kind: 'self-declared', login: 'arivera' }, ownerKey: 'k', studyInstanceUID: '2.25.2',
      description: 'QC report', bytes: new TextEncoder().encode('not dicom').buffer as ArrayBuffer, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, createdAt: 0, updatedAt: 0,
    };
    const outcome = await stowSender('http://pacs.invalid/dicom-web', () => undefined)(record);
    expect(outcome).toEqual({ ok: false, retryable: false, message: expect.stringMatching(/^instances\[0\]: /) });
    expect(sent).toEqual([]);
  } finally {
    globalThis.fetch = realFetch;
  }
});

// The gateway signs a VERIFIED report only after a fresh sign-in (RFC 9470 step-up): the write is
// kept, marked as waiting for that sign-in, and says so; it is not retried with the same stale token.
test('a step-up challenge fails the write for now, marked as needing a fresh sign-in', async () => {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async () => new Response('{"error":"reauthentication-required"}', {
    status: 401, headers: { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="300"' },
  })) as typeof fetch;
  try {
    const bytes = tinyCt(1);
    const record: OutboxRecord & { bytes: ArrayBuffer } = {
      sopInstanceUID: '2.25.1', owner: { kind: 'signed-in', issuer: 'https://idp', subject: 's' }, ownerKey: 'k', studyInstanceUID: STUDY,
      description: 'Adjudication report', bytes: bytes.slice().buffer as ArrayBuffer, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, createdAt: 0, updatedAt: 0,
    };
    expect(await stowSender('http://gateway.test/dicom-web', () => ({ Authorization: 'Bearer stale' }))(record)).toEqual({
      ok: false, retryable: false, needsFreshSignIn: true, message: 'Signing needs a fresh sign-in (within the last 5 min): sign in again with your password, then retry. Nothing was stored.',
    });
  } finally {
    globalThis.fetch = realFetch;
  }
});
