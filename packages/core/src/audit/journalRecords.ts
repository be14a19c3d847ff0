/**
 * The records of the gateway's append-only journal of writes (packages/gateway/src/writeJournal.ts
 * writes them; `segqc audit verify --journal` reads them): one JSON line per object the PACS
 * accepted through STOW-RS, each carrying the SHA-256 of the line before, so that a line changed,
 * removed or inserted shows. Pure: the reader and the writer compute the chain the same way.
 */
import { sha256Hex } from '../hash/sha256';
import { canonicalJson } from '../sr/canonicalJson';
import { encodeUtf8 } from '../text/utf8';

/** What is recorded of one object the PACS accepted. */
export interface JournalEntry {
  /** ISO 8601 instant (UTC) the PACS answered. */
  at: string;
  issuer: string | null;
  subject: string | null;
  login: string | null;
  /** The SegQC roles of the token (none without sign-in). */
  roles: string[];
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  /** SHA-256 of the Part 10 bytes as forwarded to the PACS, lowercase hex. */
  sha256: string;
  /** The PACS's STOW-RS status (200, or 202 when it stored only part of the request). */
  pacsStatus: number;
  /** The DICOM Digital Signature the gateway added on the user's behalf; absent or null: stored unsigned. */
  signature?: JournalSignature | null;
}

/** A signature the gateway made with the site's key for the signed-in user, after a fresh login. */
export interface JournalSignature {
  /** Digital Signature UID (0400,0100) of the item it added to the Digital Signatures Sequence. */
  uid: string;
  /** The Digital Signature Purpose's code value (CID 7007), e.g. Verification Signature. */
  purpose: string;
  /** DigitalSignatureDateTime (0400,0105) as written (DICOM DT with offset). */
  signedAt: string;
  /** ISO 8601: when the user last entered their credentials (the token's auth_time), the login the signature rests on. */
  authenticatedAt: string;
  /**
   * SHA-256 of the standard MAC stream (PS3.15 C.12.1.1.3.1.1) of the signed elements, lowercase hex:
   * what protects the parts of a nested SR that DCMTK 3.6.7's dcmsign leaves out of the signature
   * (packages/core/src/signature/README.md).
   */
  standardStreamSha256: string;
}

export interface JournalRecord extends JournalEntry {
  /** 1 for the first record, then one more each line. */
  seq: number;
  /** The previous record's `hash`; 64 zeros for the first. */
  previous: string;
  /** SHA-256 of the canonical JSON of the record without `hash`. */
  hash: string;
}

export const JOURNAL_GENESIS = '0'.repeat(64);

/** The journal is not what the gateway wrote: the line, and what is wrong with it. */
export class JournalChainError extends Error {
  override readonly name = 'JournalChainError';

  constructor(readonly line: number, reason: string) {
    super(`the journal's line ${line} ${reason}`);
  }
}

export function journalRecordHash(record: Omit<JournalRecord, 'hash'>): string {
  return sha256Hex(encodeUtf8(canonicalJson(record)));
}

/** Every record of a journal's text, each checked against its own hash and its predecessor; throws JournalChainError at the first that is not. */
export function readJournal(text: string): JournalRecord[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let previous = JOURNAL_GENESIS;
  return lines.map((line, n) => {
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      throw new JournalChainError(n + 1, 'is not JSON');
    }
    if (record === null || typeof record !== 'object') throw new JournalChainError(n + 1, 'is not a record');
    const { hash, ...rest } = record;
    if (record.seq !== n + 1) throw new JournalChainError(n + 1, `has sequence number ${String(record.seq)}: a record was removed or inserted before it`);
    if (record.previous !== previous) throw new JournalChainError(n + 1, 'does not follow the record before it: a record was removed, inserted or changed');
    if (journalRecordHash(rest) !== hash) throw new JournalChainError(n + 1, 'was changed after it was written (its hash does not match)');
    previous = hash;
    return record;
  });
}

/** The next record after `previous` (undefined: the first). */
export function nextJournalRecord(entry: JournalEntry, previous: JournalRecord | undefined): JournalRecord {
  const record = { ...entry, seq: (previous?.seq ?? 0) + 1, previous: previous?.hash ?? JOURNAL_GENESIS };
  return { ...record, hash: journalRecordHash(record) };
}
