import { createHash } from 'node:crypto';
import { firstText, parseMultipartRelated, readPart10, type JournalEntry, type NaturalDataset } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';


/** What the journal will say of each object of a STOW body, but for when and the PACS's answer. */
export type PendingEntry = Omit<JournalEntry, 'at' | 'pacsStatus'>;

const text = (dataset: NaturalDataset, keyword: string): string => firstText(dataset[keyword]) ?? '';

/**
 * One entry per DICOM part of the body as it goes to the PACS (after stampCreator), with the user
 * who sent it (null fields without sign-in). A part that is no readable DICOM is not an object the
 * PACS can store, and has no entry; the policy (storePolicy.ts) refuses it before this when users sign in.
 */
export function journalEntriesOf(body: Uint8Array, contentType: string, user: TokenIdentity | undefined): PendingEntry[] {
  let parts;
  try {
    parts = parseMultipartRelated(body, contentType);
  } catch {
    return [];
  }
  const author: JournalAuthor = { issuer: user?.issuer ?? null, subject: user?.subject ?? null, login: user?.login ?? null, roles: user?.roles ?? [] };
  return parts.flatMap((part) => journalEntryOf(part.body, author) ?? []);
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
  return {
    ...author,
    studyInstanceUid: text(dataset, 'StudyInstanceUID'),
    seriesInstanceUid: text(dataset, 'SeriesInstanceUID'),
    sopInstanceUid: text(dataset, 'SOPInstanceUID'),
    sopClassUid: text(dataset, 'SOPClassUID'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
