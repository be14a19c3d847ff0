import { useState } from 'react';
import { FAILED_WRITE_LIFETIME_MS, type DurableOutbox } from './DurableOutbox';
import type { OutboxRecord } from './OutboxRecord';
import { useOutboxRecords } from './useOutboxRecords';

/** A refused write's actions: Retry, or Discard after a confirmation, since a discarded write is lost. */
function FailedWriteActions({ outbox, record }: { outbox: DurableOutbox | null; record: OutboxRecord }) {
  const [confirming, setConfirming] = useState(false);
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
