import type { OutboxOwner } from './OutboxOwner';

/** Where a write to the PACS stands. */
export type OutboxState = 'pending' | 'stored' | 'failed';

/**
 * One DICOM object on its way to the PACS, kept in IndexedDB from before the first attempt until
 * the PACS has it: a page reload, a closed laptop or a PACS outage loses nothing. Keyed by SOP
 * Instance UID, so writing the same object twice is one write. Each belongs to the user who queued it.
 */
export interface OutboxRecord {
  sopInstanceUID: string;
  owner: OutboxOwner;
  /** ownerKey(owner): the store's owner index. */
  ownerKey: string;
  studyInstanceUID: string;
  /** What the user sees, e.g. "QC report, Rivera vs Chen". No patient names. */
  description: string;
  /** The Part 10 file; dropped once stored. */
  bytes: ArrayBuffer | null;
  state: OutboxState;
  attempts: number;
  /** Epoch ms of the next attempt of a pending write. */
  nextAttemptAt: number;
  /** Why the last attempt failed, in plain words. */
  lastError: string | null;
  /** The gateway asked for a fresh sign-in before it signs this write (absent in records written before). */
  needsFreshSignIn?: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What one attempt to send gave: stored, or failed (worth retrying, or not). */
export type SendOutcome = { ok: true } | { ok: false; retryable: boolean; message: string; needsFreshSignIn?: boolean };

export type SendToPacs = (record: OutboxRecord & { bytes: ArrayBuffer }) => Promise<SendOutcome>;
