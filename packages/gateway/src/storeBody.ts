/**
 * A STOW-RS body read once: its parts, each with its DICOM header, what the role policy made of it
 * (storePolicy.ts), the bytes to send (the client's, or the gateway's stamped or signed ones) and
 * the signature the gateway added. The policy check, the signing and the journal of writes all work
 * on it; forwardedBody puts the body back together for the PACS.
 */
import { parseMultipartRelated, readPart10, type JournalSignature, type MultipartPart, type NaturalDataset } from '@segqc/core';
import { withPartsReplaced } from './replacedParts';
import type { StorableObject } from './rolePolicy';

export interface StorePart {
  part: MultipartPart;
  /** `part N`, for messages. */
  where: string;
  /** The DICOM header up to the Pixel Data; undefined when the part is no readable DICOM. */
  header: NaturalDataset | undefined;
  /** Why the header could not be read. */
  unreadable?: string;
  /** What the role policy classed it as (with sign-in). */
  object?: StorableObject;
  /** The bytes to forward: `part.body`, unless the gateway stamped or signed them. */
  bytes: Uint8Array;
  /** The signature the gateway added to `bytes`. */
  signature?: JournalSignature;
}

export interface StoreBody {
  body: Uint8Array;
  contentType: string;
  parts: StorePart[];
}

/** The body's parts with their headers; a MultipartParseError when it is not multipart/related. */
export function storeBodyOf(body: Uint8Array, contentType: string): StoreBody {
  const parts = parseMultipartRelated(body, contentType).map((part, n): StorePart => {
    const where = `part ${n + 1}`;
    try {
      return { part, where, header: readPart10(part.body, { untilPixelData: true }).dataset, bytes: part.body };
    } catch (error) {
      return { part, where, header: undefined, unreadable: (error as Error).message, bytes: part.body };
    }
  });
  return { body, contentType, parts };
}

/** The body as it goes to the PACS: the client's, with the parts the gateway rewrote in their places. */
export function forwardedBody(store: StoreBody): Uint8Array {
  const replaced = store.parts.filter((part) => part.bytes !== part.part.body).map((part) => ({ part: part.part, bytes: part.bytes }));
  return replaced.length === 0 ? store.body : withPartsReplaced(store.body, store.contentType, store.parts.map((part) => part.part), replaced);
}
