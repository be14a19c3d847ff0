import { useState } from 'react';
import { describeFailure } from '../describeFailure';
import { signInAgain, type OidcClientConfig } from '../signIn/signInAgain';
import { FAILED_WRITE_LIFETIME_MS, type DurableOutbox } from './DurableOutbox';
import type { OutboxRecord } from './OutboxRecord';
import { useOutboxRecords } from './useOutboxRecords';

/** OHIF's sign-in client (app-config oidc[0]), which the fresh sign-in before a signature uses. */
const oidcClient = () => (window as unknown as { config?: { oidc?: OidcClientConfig[] } }).config?.oidc?.[0];

/**
 * A refused write's actions: Retry, or Discard after a confirmation, since a discarded write is lost;
 * for a write the gateway signs only after a fresh sign-in, first "Sign in again" (the password is
 * asked for again), then Retry on the way back.
 */
function FailedWriteActions({ outbox, record }: { outbox: DurableOutbox | null; record: OutboxRecord }) {
  const [confirming, setConfirming] = useState(false);
  const [signInProblem, setSignInProblem] = useState<string | null>(null);
  if (confirming) {
    return (
      <div className="segqc-outbox-confirm" role="alertdialog" aria-label="Discard this write?" data-testid="segqc-outbox-discard-confirm">
        <span>Discard it? It will never reach the PACS and cannot be recovered.</span>
        <button type="button" className="segqc-toggle" data-testid="segqc-outbox-discard-confirmed" onClick={() => void outbox?.discard(record.sopInstanceUID)}>
          Discard for good
        </button>
        <button type="button" className="segqc-toggle" data-testid="segqc-outbox-discard-cancel" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </div>
    );
  }
  return (
    <>
      {record.needsFreshSignIn && (
        <button type="button" className="segqc-toggle" data-testid="segqc-outbox-sign-in-again" onClick={() => void signInAgain(oidcClient()).catch((error: unknown) => setSignInProblem(describeFailure(error)))}>
          Sign in again
        </button>
      )}
      {signInProblem && <div className="segqc-error" role="alert">{signInProblem}</div>}
      <button type="button" className="segqc-toggle" data-testid="segqc-outbox-retry" onClick={() => void outbox?.retry(record.sopInstanceUID)}>
        Retry
      </button>
      <button type="button" className="segqc-toggle" data-testid="segqc-outbox-discard" onClick={() => setConfirming(true)}>
        Discard
      </button>
    </>
  );
}

/** The current user's writes on their way to the PACS that are not there yet: pending (with why) and failed (with Retry and Discard). */
export function OutboxStatus({ outbox }: { outbox: DurableOutbox | null }) {
  const waiting = useOutboxRecords(outbox).filter((record) => record.state !== 'stored');
  if (waiting.length === 0) return null;
  return (
    <section className="segqc-outbox" data-testid="segqc-outbox">
      <h3 className="segqc-subtitle">Not yet in the PACS ({waiting.length})</h3>
      <ul>
        {waiting.map((record) => (
          <li key={record.sopInstanceUID} data-testid="segqc-outbox-write" data-state={record.state} data-sop-instance-uid={record.sopInstanceUID}>
            <span>{record.description}</span>
            <span className="segqc-outbox-state">{record.state === 'pending' ? `sending (attempt ${record.attempts + 1})` : `failed, kept until ${new Date(record.updatedAt + FAILED_WRITE_LIFETIME_MS).toLocaleDateString()}`}</span>
            {record.lastError && <div className="segqc-outbox-reason">{record.lastError}</div>}
            {record.state === 'failed' && <FailedWriteActions outbox={outbox} record={record} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
