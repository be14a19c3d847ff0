import type { OutboxRecord, SendOutcome, SendToPacs } from './OutboxRecord';
import type { OutboxStore } from './outboxStore';

export interface OutboxOptions {
  store: OutboxStore;
  send: SendToPacs;
  /** Delay after the n-th failed attempt: base · 2^(n−1), at most max (ms). */
  backoff?: { baseMs: number; maxMs: number };
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface NewWrite {
  sopInstanceUID: string;
  studyInstanceUID: string;
  description: string;
  bytes: ArrayBuffer;
}

const DEFAULT_BACKOFF = { baseMs: 2_000, maxMs: 5 * 60_000 };

export function backoffDelay(attempts: number, backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Writes to the PACS that are never lost: each is stored in IndexedDB before it is sent, sent one
 * at a time, retried with backoff after network errors and server errors (across page reloads),
 * and kept as failed, with the reason, when the PACS refuses it for good.
 */
export class DurableOutbox {
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private timer: unknown = null;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** Queues a write; a SOP Instance UID already in the outbox is the same write, not a second one. */
  async enqueue(write: NewWrite): Promise<OutboxRecord> {
    const existing = await this.options.store.get(write.sopInstanceUID);
    if (existing) {
      void this.flush();
      return existing;
    }
    const now = this.now();
    const record: OutboxRecord = { ...write, state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, updatedAt: now };
    await this.options.store.put(record);
    this.notify();
    void this.flush();
    return record;
  }

  /** Sends a failed write again (the user pressed Retry). */
  async retry(sopInstanceUID: string): Promise<void> {
    const record = await this.options.store.get(sopInstanceUID);
    if (!record || record.state !== 'failed') return;
    await this.options.store.put({ ...record, state: 'pending', nextAttemptAt: this.now(), updatedAt: this.now() });
    this.notify();
    await this.flush();
  }

  async records(): Promise<OutboxRecord[]> {
    return (await this.options.store.all()).sort((a, b) => a.createdAt - b.createdAt);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends every write that is due, oldest first, then sets a timer for the next one due. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        await this.sendDue();
      } finally {
        this.flushing = null;
      }
      await this.scheduleNext();
    })();
    return this.flushing;
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const due = (await this.records()).find((r) => r.state === 'pending' && r.bytes !== null && r.nextAttemptAt <= this.now());
      if (!due) return;
      await this.attempt(due as OutboxRecord & { bytes: ArrayBuffer });
    }
  }

  private async attempt(record: OutboxRecord & { bytes: ArrayBuffer }): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.options.send(record);
    } catch (error) {
      outcome = { ok: false, retryable: true, message: error instanceof Error ? error.message : String(error) };
    }
    const attempts = record.attempts + 1;
    const updatedAt = this.now();
    if (outcome.ok) {
      await this.options.store.put({ ...record, state: 'stored', bytes: null, attempts, lastError: null, updatedAt });
    } else if (outcome.retryable) {
      const nextAttemptAt = updatedAt + backoffDelay(attempts, this.options.backoff);
      await this.options.store.put({ ...record, state: 'pending', attempts, nextAttemptAt, lastError: outcome.message, updatedAt });
    } else {
      await this.options.store.put({ ...record, state: 'failed', attempts, lastError: outcome.message, updatedAt });
    }
    this.notify();
  }

  private async scheduleNext(): Promise<void> {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const pending = (await this.records()).filter((r) => r.state === 'pending');
    if (pending.length === 0) return;
    const next = Math.min(...pending.map((r) => r.nextAttemptAt));
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, Math.max(0, next - this.now()));
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
