import { signReport, type ReportSigner } from '@segqc/gateway';

export interface KeySignedReport {
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

/**
 * The VERIFIED QC report `bytes` signed with the key file's signer at `now`, exactly as the gateway
 * signs for a signed-in user (its signVerifiedReport: PS3.15 C.4 Structured Report profile, purpose
 * Verification Signature, SHA-256, DCMTK 3.6.7's stream, the certificate in the object, nothing else
 * of the report changed; its signReport, which rests on holding the key, not on a sign-in). A
 * certificate that stopped being valid during a batch fails the case (ReportSigningError) before its
 * SEG is stored.
 */
export function signReportWithKey(bytes: Uint8Array, signer: ReportSigner, now: Date): KeySignedReport {
  const signed = signReport(bytes, signer, now, 'the VERIFIED QC report');
  return { bytes: signed.bytes, signature: { uid: signed.signature.uid, standardStreamSha256: signed.signature.standardStreamSha256 } };
}
