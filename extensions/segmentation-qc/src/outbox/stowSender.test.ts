import { stowSender } from './stowSender';
import type { OutboxRecord } from './OutboxRecord';

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
