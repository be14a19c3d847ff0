import { X509Certificate } from 'node:crypto';
import type { CertificateDescription, SignatureChecker } from '@segqc/core';
import { nodeVerifier } from '@segqc/gateway';

/**
 * The crypto `segqc audit` checks QC reports' DICOM Digital Signatures with: the gateway's
 * nodeVerifier (node:crypto), trust aside and — given the trust store's CA certificates — at the
 * signing time against them; and node:crypto's reading of the signer certificate's subject and
 * validity, for the export and the messages.
 */
export function signatureCheckerOf(trustedCertificates: string[] | null): SignatureChecker {
  return {
    verify: nodeVerifier(),
    verifyTrustedAt: trustedCertificates === null ? null : (at) => nodeVerifier({ trustedCertificates, at }),
    describeCertificate,
  };
}

function describeCertificate(certificateDer: Uint8Array): CertificateDescription | undefined {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(certificateDer));
  } catch {
    return undefined;
  }
  // node prints a distinguished name one attribute a line, e.g. "O=SegQC demo\nCN=SegQC demo signer".
  const attributes = certificate.subject.split('\n');
  const commonName = attributes.find((attribute) => attribute.startsWith('CN='))?.slice(3);
  return {
    ...(commonName !== undefined ? { commonName } : {}),
    subject: attributes.join(', '),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
  };
}
