import { useEffect, useState } from 'react';
import type { DurableOutbox } from './DurableOutbox';
import type { OutboxRecord } from './OutboxRecord';

/** The outbox's writes, kept current as they are queued, sent, retried or refused. */
export function useOutboxRecords(outbox: DurableOutbox | null): OutboxRecord[] {
  const [records, setRecords] = useState<OutboxRecord[]>([]);
  useEffect(() => {
    if (!outbox) return undefined;
    let live = true;
    const reload = () => void outbox.records().then((next) => live && setRecords(next));
    reload();
    const unsubscribe = outbox.subscribe(reload);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [outbox]);
  return records;
}
