import { signStoredObject, type ReportSigner, type SignedObjectKind } from '@segqc/gateway';

export interface KeySignedObject {
  /** The Part 10 bytes with the signature, as stored. */
  bytes: Uint8Array;
  signature: KeySignature;
}

/** What a batch job keeps of the signature: the gateway journals the same for the signatures it makes. */
export interface KeySignature {
  /** Digital Signature UID. */
  uid: string;
  /** SHA-256 (hex) of the standard PS3.15 stream of the signed elements: it covers what DCMTK's stream, the one signed, leaves out. */
  standardStreamSha256: string;
}

const WHAT: Readonly<Record<SignedObjectKind, string>> = {
  'verified-qc-report': 'the VERIFIED QC report',
  'adjudicated-seg': 'the adjudicated reference SEG',
  'gold-seg': 'the gold-standard SEG',
};

/**
 * `bytes` (a VERIFIED QC report or a reference SEG) signed with the key file's signer at `now`,
 * exactly as the gateway signs for a signed-in user (its signStoredObject: the profile of PS3.15
 * Annex C that fits the object, purpose Verification Signature, SHA-256, DCMTK 3.6.7's stream, the
 * certificate in the object, nothing else changed), resting on holding the key, not on a sign-in. A
 * certificate that stopped being valid during a batch fails the case (ReportSigningError) before
 * anything of it is stored.
 */
export function signWithKey(bytes: Uint8Array, kind: SignedObjectKind, signer: ReportSigner, now: Date): KeySignedObject {
  const signed = signStoredObject(bytes, kind, signer, now, WHAT[kind]);
  return { bytes: signed.bytes, signature: { uid: signed.signature.uid, standardStreamSha256: signed.signature.standardStreamSha256 } };
}
