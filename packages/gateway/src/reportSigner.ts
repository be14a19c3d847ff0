/**
 * The site's signer of VERIFIED QC reports (GatewayOptions.signing): the signer certificate, put in
 * every signature (PS3.15 C.4 needs the certificate in the object), and the key that signs, checked
 * together once at start so that a wrong pair or an expired certificate stops the start instead of
 * failing the first signature.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { StreamSigner } from '@segqc/core';
import { nodeSigner } from './dicomSignature';
import { DEFAULT_MAX_AUTH_AGE_SECONDS } from './freshLogin';
import { GatewayConfigError } from './gatewayConfigError';

/** How the gateway signs: PEM files' content, or a signer of its own (e.g. an HSM's) with its certificate. */
export type ReportSigningSettings = (
  | { certificatePem: string; privateKeyPem: string }
  | { certificateDer: Uint8Array; sign: StreamSigner }
) & {
  /** The oldest sign-in (the token's auth_time) a signature may rest on; 300 s when not given. */
  maxAuthAgeSeconds?: number;
};

export interface ReportSigner {
  certificateDer: Uint8Array;
  sign: StreamSigner;
  maxAuthAgeSeconds: number;
  /** The certificate in words, for the start-up line: subject, issuer, serial and end of validity. */
  description: string;
  /** End of the certificate's validity: dcmsign refuses a signature made outside it. */
  validTo: Date;
  validFrom: Date;
}

export function reportSignerOf(settings: ReportSigningSettings): ReportSigner {
  const maxAuthAgeSeconds = settings.maxAuthAgeSeconds ?? DEFAULT_MAX_AUTH_AGE_SECONDS;
  if (!Number.isInteger(maxAuthAgeSeconds) || maxAuthAgeSeconds < 1) throw new GatewayConfigError(`signing: maxAuthAgeSeconds ${maxAuthAgeSeconds} is not a whole number of seconds from 1`);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate('certificatePem' in settings ? settings.certificatePem : Buffer.from(settings.certificateDer));
  } catch (error) {
    throw new GatewayConfigError(`signing: the signer certificate is not an X.509 certificate (${(error as Error).message})`);
  }
  let sign: StreamSigner;
  if ('privateKeyPem' in settings) {
    let key;
    try {
      key = createPrivateKey(settings.privateKeyPem);
    } catch (error) {
      throw new GatewayConfigError(`signing: the private key cannot be read (${(error as Error).message})`);
    }
    if (!certificate.checkPrivateKey(key)) throw new GatewayConfigError("signing: the private key is not the signer certificate's");
    sign = nodeSigner(key);
  } else {
    sign = settings.sign;
  }
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  if (validTo.getTime() < Date.now()) throw new GatewayConfigError(`signing: the signer certificate expired on ${validTo.toISOString()}`);
  const names = (text: string) => text.split('\n').join(', ');
  return {
    certificateDer: new Uint8Array(certificate.raw),
    sign,
    maxAuthAgeSeconds,
    description: `"${names(certificate.subject)}" issued by "${names(certificate.issuer)}", serial ${certificate.serialNumber}, valid until ${validTo.toISOString()}`,
    validFrom,
    validTo,
  };
}

/** The start-up line that says which certificate signs, or why nothing is signed; none without sign-in or a certificate (nothing to say). */
export function signingStartupLine(settings: ReportSigningSettings | undefined, signInOn: boolean): string | undefined {
  if (!settings) return signInOn ? 'VERIFIED QC reports are stored unsigned (no signer certificate: SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE)' : undefined;
  const signer = reportSignerOf(settings);
  if (!signInOn) return `VERIFIED QC reports are stored unsigned: sign-in is off, and the gateway signs only for a signed-in user (certificate ${signer.description})`;
  return `VERIFIED QC reports are signed for the signed-in user, after a sign-in within ${signer.maxAuthAgeSeconds} s, with the certificate ${signer.description}`;
}
