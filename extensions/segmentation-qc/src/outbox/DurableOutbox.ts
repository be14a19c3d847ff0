import type { OutboxRecord, SendOutcome, SendToPacs } from './OutboxRecord';
import { ForeignWriteError, NoOutboxOwnerError, ownerKey, type OutboxOwner } from './OutboxOwner';
import type { OutboxStore } from './outboxStore';
import type { OwnerPresence } from './OwnerPresence';

/** Records deleted without the user asking, so that the user can be told. */
export interface OutboxRemoval {
  /** expired: refused writes older than the lifetime; other-user: left by someone no longer signed in. */
  reason: 'expired' | 'other-user';
  records: OutboxRecord[];
}

export interface OutboxOptions {
  store: OutboxStore;
  send: SendToPacs;
  /** Who is working now, read at every use (a self-declared identity can change within the page); null when nobody is. */
  owner: () => OutboxOwner | null;
  /** Which owners the open tabs hold: their records are kept (not shown); the others' are deleted. */
  presence: OwnerPresence;
  onRemoved?: (removal: OutboxRemoval) => void;
  /** How long a refused write is kept for Retry or Discard, from its refusal (ms). */
  failedLifetimeMs?: number;
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

/** A refused write is kept a week for Retry or Discard, then deleted (with a notification). */
export const FAILED_WRITE_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export function backoffDelay(attempts: number, backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Writes to the PACS that are never lost: each is stored in IndexedDB before it is sent, sent one
 * at a time, retried with backoff after network errors and server errors (across page reloads),
 * and kept as failed, with the reason, when the PACS refuses it for good — until Retry, Discard or
 * the failed-write lifetime. Each write belongs to the user who queued it: only the current user's
 * writes are listed and sent, and writes of users no longer signed in are deleted (resume()).
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

  /** Queues a write of the current user; a SOP Instance UID already in their outbox is the same write, not a second one. */
  async enqueue(write: NewWrite): Promise<OutboxRecord> {
    const owner = this.options.owner();
    if (!owner) throw new NoOutboxOwnerError();
    const key = ownerKey(owner);
    const existing = await this.options.store.get(write.sopInstanceUID);
    if (existing && existing.ownerKey !== key) throw new ForeignWriteError(write.sopInstanceUID);
    if (existing) {
      void this.flush();
      return existing;
    }
    const now = this.now();
    const record: OutboxRecord = { ...write, owner, ownerKey: key, state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, updatedAt: now };
    await this.options.store.put(record);
    this.notify();
    void this.flush();
    return record;
  }

  /**
   * Sends a failed write again (the user pressed Retry). A write held for a fresh sign-in goes with
   * every other write held for one — an adjudication's reference SEG and its report are signed on the
   * same sign-in — and they are sent oldest first, as they were queued.
   */
  async retry(sopInstanceUID: string): Promise<void> {
    const record = await this.ownFailed(sopInstanceUID);
    if (!record) return;
    const heldForSignIn = record.needsFreshSignIn ? (await this.records()).filter((other) => other.state === 'failed' && other.needsFreshSignIn && other.sopInstanceUID !== record.sopInstanceUID) : [];
    for (const write of [record, ...heldForSignIn]) await this.options.store.put({ ...write, state: 'pending', nextAttemptAt: this.now(), updatedAt: this.now() });
    this.notify();
    await this.flush();
  }

  /** Deletes a failed write, bytes and all (the user pressed Discard and confirmed): it will never reach the PACS. */
  async discard(sopInstanceUID: string): Promise<void> {
    if (!(await this.ownFailed(sopInstanceUID))) return;
    await this.options.store.delete([sopInstanceUID]);
    this.notify();
  }

  /** The current user's writes, oldest first; none when nobody is signed in or declared. */
  async records(): Promise<OutboxRecord[]> {
    const owner = this.options.owner();
    if (!owner) return [];
    return (await this.options.store.ofOwner(ownerKey(owner))).sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Takes up the current user's outbox, at the start of a page and whenever the user changes: holds
   * the user for this tab, deletes the writes of users no open tab holds (the browser keeps no one
   * else's data), deletes expired refusals, and sends what is due.
   */
  async resume(): Promise<void> {
    const owner = this.options.owner();
    const key = owner ? ownerKey(owner) : null;
    this.options.presence.hold(key);
    const held = await this.options.presence.held();
    const left = (await this.options.store.all()).filter((r) => r.ownerKey !== key && !held.has(r.ownerKey));
    await this.remove('other-user', left);
    this.notify();
    await this.flush();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deletes expired refusals, sends every write that is due, oldest first, then sets a timer for the next one due. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        await this.expire();
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

  private async ownFailed(sopInstanceUID: string): Promise<OutboxRecord | undefined> {
    const owner = this.options.owner();
    const record = await this.options.store.get(sopInstanceUID);
    return owner && record?.ownerKey === ownerKey(owner) && record.state === 'failed' ? record : undefined;
  }

  private async expire(): Promise<void> {
    const oldest = this.now() - (this.options.failedLifetimeMs ?? FAILED_WRITE_LIFETIME_MS);
    await this.remove('expired', (await this.records()).filter((r) => r.state === 'failed' && r.updatedAt <= oldest));
  }

  private async remove(reason: OutboxRemoval['reason'], records: OutboxRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.options.store.delete(records.map((r) => r.sopInstanceUID));
    this.notify();
    this.options.onRemoved?.({ reason, records });
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
    // Cleared while it was on its way (sign-out): the answer does not bring it back.
    if (!(await this.options.store.get(record.sopInstanceUID))) return;
    const attempts = record.attempts + 1;
    const updatedAt = this.now();
    if (outcome.ok) {
      await this.options.store.put({ ...record, state: 'stored', bytes: null, attempts, lastError: null, needsFreshSignIn: false, updatedAt });
    } else if (outcome.retryable) {
      const nextAttemptAt = updatedAt + backoffDelay(attempts, this.options.backoff);
      await this.options.store.put({ ...record, state: 'pending', attempts, nextAttemptAt, lastError: outcome.message, needsFreshSignIn: false, updatedAt });
    } else {
      await this.options.store.put({ ...record, state: 'failed', attempts, lastError: outcome.message, needsFreshSignIn: outcome.needsFreshSignIn === true, updatedAt });
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
