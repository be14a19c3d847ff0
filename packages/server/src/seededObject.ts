import type { JournalSignature } from '@segqc/core';
import type { JournalAuthor } from '@segqc/gateway';

/**
 * One object the demo seed stored, as the journal records it: written by the seed itself, or — the
 * adjudication's objects, with sign-in on — by the signed-in adjudicator, her report signed for her.
 */
export interface SeededObject {
  /** The Part 10 bytes as sent to the PACS. */
  bytes: Uint8Array;
  /** Absent: the seed (demoSeedEntries.ts). */
  author?: JournalAuthor;
  signature?: JournalSignature;
}
