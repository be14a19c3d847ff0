/**
 * With sign-in, who made a SEG that names no creator — OHIF's own "Export → DICOM SEG" writes none
 * (issue 13) — is the signed-in user who stores it: the gateway records them in the object before it
 * reaches the PACS, as SegQC's own SEGs record an authenticated creator (core's stampSegCreator:
 * ContentCreatorName, the login and the OIDC subject as codes, the issuer, "; creator
 * authenticated"), and changes nothing else. Then the stamped SEG is checked as any other: it must
 * read back as the user (recordedPerson.ts), or it is refused rather than stored half-attributed.
 */
import { DicomValueError, readPart10, segCreatorIdentity, stampSegCreator, type NaturalDataset } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import { loginOf, notTheUser } from './recordedPerson';
import { StoreRefusal } from './storeRefusal';
import { personNameOf } from './tokenPersonName';

/** LO, the InstitutionName the creator's identification is written with. */
const LONG_STRING_CHARACTERS = 64;

/**
 * `bytes` (a SEG whose `header` names no creator) with `user` recorded as its authenticated creator.
 * `host` is the Host the request was sent to: the institution when the SEG names none, as the viewer
 * falls back to its own host. A StoreRefusal (400) says why it cannot be.
 */
export function stampCreator(bytes: Uint8Array, header: NaturalDataset, user: TokenIdentity, host: string, where: string): Uint8Array {
  const refusal = (reason: string) => new StoreRefusal(400, `${where}: the gateway cannot record you as the creator of this SEG, which names none: ${reason}`);
  let stamped: Uint8Array;
  try {
    stamped = stampSegCreator(bytes, {
      name: personNameOf(user),
      login: loginOf(user),
      institutionName: (text(header['InstitutionName']) ?? host).slice(0, LONG_STRING_CHARACTERS),
      authentication: { issuer: user.issuer, subject: user.subject },
    });
  } catch (error) {
    if (error instanceof DicomValueError) throw refusal(error.message);
    throw error;
  }
  // E.g. a login that reads as a URN is written as URNCodeValue, which is no login a reader takes.
  const recorded = notTheUser(segCreatorIdentity(readPart10(stamped, { untilPixelData: true }).dataset), user);
  if (recorded) throw refusal(`written, the SEG ${recorded}`);
  return stamped;
}

function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}
