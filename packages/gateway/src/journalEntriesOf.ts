import { createHash } from 'node:crypto';
import { firstText, readPart10, type JournalEntry, type NaturalDataset } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import type { StoreBody } from './storeBody';

/** What the journal will say of each object of a STOW body, but for when and the PACS's answer. */
export type PendingEntry = Omit<JournalEntry, 'at' | 'pacsStatus'>;

const text = (dataset: NaturalDataset, keyword: string): string => firstText(dataset[keyword]) ?? '';

/**
 * One entry per DICOM part of the body as it goes to the PACS (stamped, signed), with the user who
 * sent it (null fields without sign-in) and the signature the gateway added. A part that is no
 * readable DICOM is not an object the PACS can store, and has no entry; the policy (storePolicy.ts)
 * refuses it before this when users sign in.
 */
export function journalEntriesOf(store: StoreBody, user: TokenIdentity | undefined): PendingEntry[] {
  const author: JournalAuthor = { issuer: user?.issuer ?? null, subject: user?.subject ?? null, login: user?.login ?? null, roles: user?.roles ?? [] };
  return store.parts.flatMap(({ header, bytes, signature }) => {
    if (!header) return [];
    const entry = entryOf(header, bytes, author);
    return [signature ? { ...entry, signature } : entry];
  });
}

/** Who wrote, as the journal records them. */
export type JournalAuthor = Pick<JournalEntry, 'issuer' | 'subject' | 'login' | 'roles'>;

/** The entry of one Part 10 object, or null when it is no readable DICOM. */
export function journalEntryOf(bytes: Uint8Array, author: JournalAuthor): PendingEntry | null {
  let dataset: NaturalDataset;
  try {
    dataset = readPart10(bytes, { untilPixelData: true }).dataset;
  } catch {
    return null;
  }
  return entryOf(dataset, bytes, author);
}

function entryOf(header: NaturalDataset, bytes: Uint8Array, author: JournalAuthor): PendingEntry {
  return {
    ...author,
    studyInstanceUid: text(header, 'StudyInstanceUID'),
    seriesInstanceUid: text(header, 'SeriesInstanceUID'),
    sopInstanceUid: text(header, 'SOPInstanceUID'),
    sopClassUid: text(header, 'SOPClassUID'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
