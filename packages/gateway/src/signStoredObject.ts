/**
 * An object SegQC signs, signed with the site's key: a DICOM Digital Signature (PS3.15 Annex C,
 * SHA-256, the signer certificate in the object, signing time now) added to the Part 10 file by
 * insertion (core signPart10), so that every byte the user saw is a byte signed and stored.
 * - a VERIFIED QC report: the Structured Report RSA profile (C.4), purpose Verification Signature
 *   (CID 7007 code 5), meaning "Review recorded" or "Adjudication approved";
 * - an ADJUDICATED or GOLD reference SEG: the Authorization RSA profile (C.3, "approves a SOP
 *   Instance for use": its pixels, segments and frames), purpose Verification Signature, meaning
 *   "Adjudication approved" or "Gold standard approved".
 * The stream signed is the one DCMTK 3.6.7's dcmsign verifies ('dcmtk', core signature/README.md),
 * so that a regulator checks the signature with `dcmsign --verify`; that stream leaves parts of large
 * nested sequences out, so the SHA-256 of the standard PS3.15 stream of the same elements is recorded
 * in the journal of writes, where `segqc audit verify` finds it.
 *
 * Signatures are computed in Explicit VR Little Endian, what SegQC writes: an object in another
 * transfer syntax is refused, not converted. An object signed already (a batch signed with a key
 * file) keeps its signature and gets one more.
 */
import { DicomValueError, SIGNATURE_PURPOSES, macStream, sha256Hex, signPart10, type JournalSignature, type SignatureProfileName } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import type { ReportSigner } from './reportSigner';
import type { StorableObject } from './rolePolicy';
import { StoreRefusal } from './storeRefusal';

/** The site's signer cannot sign now (its certificate is not valid at this time): no fault of the request. */
export class ReportSigningError extends Error {
  override readonly name = 'ReportSigningError';
}

/** The objects SegQC signs, each with the profile of Annex C that fits it. */
export type SignedObjectKind = Extract<StorableObject, 'verified-qc-report' | 'adjudicated-seg' | 'gold-seg'>;

export const SIGNATURE_PROFILE_OF: Readonly<Record<SignedObjectKind, SignatureProfileName>> = {
  'verified-qc-report': 'sr-verification',
  'adjudicated-seg': 'authorization',
  'gold-seg': 'authorization',
};

const DESCRIPTION: Readonly<Record<SignedObjectKind, string>> = {
  'verified-qc-report': 'VERIFIED report',
  'adjudicated-seg': 'adjudicated reference SEG',
  'gold-seg': 'gold-standard SEG',
};

export function isSignedObjectKind(object: StorableObject | undefined): object is SignedObjectKind {
  return object !== undefined && object in SIGNATURE_PROFILE_OF;
}

export interface SignedObject {
  /** The Part 10 bytes with the signature, as forwarded to the PACS. */
  bytes: Uint8Array;
  /** What the journal records of the signature. */
  signature: JournalSignature;
}

/** An object signed by whoever holds the key (a key file's batch), with what the journal would record but the sign-in. */
export type KeySignedObject = Omit<SignedObject, 'signature'> & { signature: Omit<JournalSignature, 'authenticatedAt'> };

/** `bytes` (an object of `user`, whose login storePolicy and freshLogin accepted) signed at `now`, resting on the user's sign-in. */
export function signStoredObjectForUser(bytes: Uint8Array, kind: SignedObjectKind, signer: ReportSigner, user: TokenIdentity, now: Date, where: string): SignedObject {
  if (!user.authTime) throw new Error('signStoredObjectForUser needs the time of the sign-in it rests on');
  const signed = signStoredObject(bytes, kind, signer, now, where);
  return { ...signed, signature: { ...signed.signature, authenticatedAt: user.authTime.toISOString() } };
}

/** `bytes` signed with the signer at `now`: the signature itself, whoever it is made for. */
export function signStoredObject(bytes: Uint8Array, kind: SignedObjectKind, signer: ReportSigner, now: Date, where: string): KeySignedObject {
  if (now < signer.validFrom || now > signer.validTo) {
    throw new ReportSigningError(`the site's signer certificate is not valid now (valid ${signer.validFrom.toISOString()} to ${signer.validTo.toISOString()})`);
  }
  let signed;
  try {
    signed = signPart10(bytes, {
      profile: SIGNATURE_PROFILE_OF[kind],
      purpose: SIGNATURE_PURPOSES.verification,
      certificateDer: signer.certificateDer,
      sign: signer.sign,
      now,
      macStreamVariant: 'dcmtk',
    });
  } catch (error) {
    if (error instanceof DicomValueError) throw new StoreRefusal(400, `${where}: the gateway cannot sign this ${DESCRIPTION[kind]}: ${error.message}`);
    throw error;
  }
  return {
    bytes: signed.bytes,
    signature: {
      uid: signed.signatureUid,
      purpose: SIGNATURE_PURPOSES.verification.CodeValue,
      signedAt: signed.signedAt,
      standardStreamSha256: sha256Hex(macStream(signed.bytes, signed.signedTags, 'standard')),
    },
  };
}
