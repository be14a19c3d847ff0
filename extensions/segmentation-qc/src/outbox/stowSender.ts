import { StowError, StowInputError, stowInstances, type FetchLike } from '@segqc/core';
import type { SendToPacs } from './OutboxRecord';

/**
 * Sends an outbox write with the core STOW-RS client, with the user's auth header on every
 * attempt. The client's own short retries cover a blip; what it gives up on goes back to the
 * outbox, which retries later (durably) when the error is transient.
 */
export function stowSender(dicomwebRoot: string, authorizationHeader: () => Record<string, string> | undefined): SendToPacs {
  const fetchFromPage: FetchLike = (url, init) => fetch(url, init);
  return async (record) => {
    try {
      await stowInstances([new Uint8Array(record.bytes)], {
        url: dicomwebRoot,
        studyInstanceUID: record.studyInstanceUID,
        headers: authorizationHeader,
        fetch: fetchFromPage,
        retry: { attempts: 3 },
      });
      return { ok: true };
    } catch (error) {
      if (error instanceof StowError) return { ok: false, retryable: error.retryable, message: error.message, ...(error.kind === 'reauthentication-required' ? { needsFreshSignIn: true } : {}) };
      // The write itself is malformed: sending it again cannot help.
      if (error instanceof StowInputError) return { ok: false, retryable: false, message: error.message };
      throw error;
    }
  };
}
