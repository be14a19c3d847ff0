/**
 * The crypto an audit needs to check the DICOM Digital Signatures of QC reports, passed in so that
 * core stays pure (DESIGN.md "Trust": verification is core, the crypto is node:crypto's in the CLI —
 * `@segqc/gateway` nodeVerifier — and the viewer's own elsewhere).
 */
import type { StreamVerifier } from '../signature/dicomSignatures';

/** What an X.509 certificate says of itself (read, not trusted). */
export interface CertificateDescription {
  /** The subject's common name (CN); absent when the subject has none. */
  commonName?: string;
  /** The whole subject, e.g. `O=SegQC demo, CN=SegQC demo signer`. */
  subject: string;
  validFrom: Date;
  validTo: Date;
}

export interface SignatureChecker {
  /** Whether a signature is the certificate's key's over the stream, whoever issued the certificate. */
  verify: StreamVerifier;
  /**
   * The same, and the certificate was issued by a certificate of the trust store and valid at `at`
   * (the signing time). Null: no trust store, certificates are not checked.
   */
  verifyTrustedAt: ((at: Date) => StreamVerifier) | null;
  /** The certificate's subject and validity; undefined when it is no X.509 certificate. */
  describeCertificate: (certificateDer: Uint8Array) => CertificateDescription | undefined;
}
