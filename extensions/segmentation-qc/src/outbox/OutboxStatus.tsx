import type { DurableOutbox } from './DurableOutbox';
import { useOutboxRecords } from './useOutboxRecords';

/** Writes on their way to the PACS that are not there yet: pending (with why) and failed (with Retry). */
export function OutboxStatus({ outbox }: { outbox: DurableOutbox | null }) {
  const waiting = useOutboxRecords(outbox).filter((record) => record.state !== 'stored');
  if (waiting.length === 0) return null;
  return (
    <section className="segqc-outbox" data-testid="segqc-outbox">
      <h3 className="segqc-subtitle">Not yet in the PACS ({waiting.length})</h3>
      <ul>
        {waiting.map((record) => (
          <li key={record.sopInstanceUID} data-testid="segqc-outbox-write" data-state={record.state}>
            <span>{record.description}</span>
            <span className="segqc-outbox-state">{record.state === 'pending' ? `sending (attempt ${record.attempts + 1})` : 'failed'}</span>
            {record.lastError && <div className="segqc-outbox-reason">{record.lastError}</div>}
            {record.state === 'failed' && (
              <button type="button" className="segqc-toggle" onClick={() => void outbox?.retry(record.sopInstanceUID)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
