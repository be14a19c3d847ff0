/**
 * The crypto behind @segqc/core's DICOM Digital Signatures (signDataset, verifyDatasetSignatures),
 * with node:crypto: the signature of the MAC stream is RSA PKCS#1 v1.5 over its SHA-256 digest
 * (DigestInfo with SHA-256) — what DCMTK's dcmsign makes for an RSA key with MAC Algorithm SHA256
 * (Base RSA Digital Signature Profile, PS3.15 C.1) — or ECDSA (DER) for an EC key.
 *
 * demoSigningCertificate makes a local CA and a signer certificate for demos and tests: the keys
 * with node:crypto (generateKeyPairSync), the certificates with the `openssl` CLI (Debian package
 * openssl), because node:crypto parses X.509 certificates (X509Certificate) but cannot issue them.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, verify, constants, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { derLength, type StreamSigner, type StreamVerifier } from '@segqc/core';

const DIGESTS: Record<string, string> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/** A StreamSigner with the PEM private key (RSA: PKCS#1 v1.5 / SHA-256; EC: ECDSA / SHA-256, DER). */
export function nodeSigner(privateKeyPem: string | KeyObject): StreamSigner {
  const key = typeof privateKeyPem === 'string' ? createPrivateKey(privateKeyPem) : privateKeyPem;
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') throw new Error(`DICOM signatures need an RSA or EC key, not ${type ?? 'a symmetric key'}`);
  return (bytes) => new Uint8Array(sign('sha256', bytes, type === 'rsa' ? { key, padding: constants.RSA_PKCS1_PADDING } : { key, dsaEncoding: 'der' }));
}

export interface NodeVerifierOptions {
  /**
   * PEM certificates trusted to issue signer certificates. When given, a signature is valid only if
   * its certificate was issued (and signed) by one of them and was valid at `at` (default: now).
   */
  trustedCertificates?: string[];
  at?: Date;
}

/** A StreamVerifier with node:crypto: the signature over the stream by the certificate's public key. */
export function nodeVerifier(options: NodeVerifierOptions = {}): StreamVerifier {
  const trusted = (options.trustedCertificates ?? []).map((pem) => new X509Certificate(pem));
  return (bytes, signature, certificateDer, macAlgorithm) => {
    const digest = DIGESTS[macAlgorithm];
    if (!digest) return false;
    const certificate = new X509Certificate(Buffer.from(certificateDer));
    if (trusted.length > 0) {
      const at = options.at ?? new Date();
      const issuedByTrusted = trusted.some((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
      if (!issuedByTrusted || at < new Date(certificate.validFrom) || at > new Date(certificate.validTo)) return false;
    }
    const key = certificate.publicKey;
    if (key.asymmetricKeyType === 'rsa') return verify(digest, bytes, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    if (key.asymmetricKeyType === 'ec') {
      // DER ECDSA signatures may be odd-length; DICOM pads OB to even length.
      return verify(digest, bytes, { key, dsaEncoding: 'der' }, signature.subarray(0, derLength(signature)));
    }
    return false;
  };
}

export interface SigningCertificate {
  /** PEM private key of the signer. */
  privateKeyPem: string;
  /** PEM and DER of the signer certificate. */
  certificatePem: string;
  certificateDer: Uint8Array;
  /** PEM of the demo CA certificate (to trust: dcmsign --add-cert-file, nodeVerifier trustedCertificates). */
  caCertificatePem: string;
  /** Paths of the files in `dir`. */
  files: { caKey: string; caCertificate: string; signerKey: string; signerCertificate: string };
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** A random positive 63-bit serial number (RFC 5280 §4.1.2.2; dcmsign prints serials that fit a long). */
function serialNumber(): string {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return `0x${bytes.toString('hex')}`;
}

function rsaKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/**
 * A local demo CA and a signer certificate issued by it, made at first use in `dir` (mode 0700;
 * every file 0600) and reused after: `ca.key`, `ca.pem`, `signer.key`, `signer.pem`. RSA 3072
 * keys (node:crypto); certificates by `openssl req -x509` (CA) and `openssl x509 -req` (signer,
 * digitalSignature + nonRepudiation), valid from now for `days`.
 */
export function demoSigningCertificate(dir: string, subject = 'SegQC demo signer', days = 825): SigningCertificate {
  const files = { caKey: join(dir, 'ca.key'), caCertificate: join(dir, 'ca.pem'), signerKey: join(dir, 'signer.key'), signerCertificate: join(dir, 'signer.pem') };
  if (!Object.values(files).every((path) => existsSync(path))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const openssl = (args: string[]): void => {
      execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    };
    writePrivate(files.caKey, rsaKeyPem());
    writePrivate(files.signerKey, rsaKeyPem());
    const cn = (name: string): string => `/O=SegQC demo/CN=${name.replace(/[/=\\]/g, ' ')}`;
    openssl([
      'req', '-x509', '-new', '-key', files.caKey, '-sha256', '-days', String(days + 1), '-subj', cn('SegQC demo CA'),
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', files.caCertificate,
    ]);
    const csr = join(dir, 'signer.csr');
    const extensions = join(dir, 'signer.ext');
    openssl(['req', '-new', '-key', files.signerKey, '-sha256', '-subj', cn(subject), '-out', csr]);
    writePrivate(extensions, 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    openssl([
      'x509', '-req', '-in', csr, '-CA', files.caCertificate, '-CAkey', files.caKey, '-set_serial', serialNumber(),
      '-sha256', '-days', String(days), '-extfile', extensions, '-out', files.signerCertificate,
    ]);
    for (const path of [files.caCertificate, files.signerCertificate, csr, extensions]) chmodSync(path, 0o600);
  }
  const certificatePem = readFileSync(files.signerCertificate, 'utf8');
  const privateKeyPem = readFileSync(files.signerKey, 'utf8');
  const certificate = new X509Certificate(certificatePem);
  if (!certificate.checkPrivateKey(createPrivateKey(privateKeyPem))) throw new Error(`${files.signerKey} does not match ${files.signerCertificate}`);
  return {
    privateKeyPem,
    certificatePem,
    certificateDer: new Uint8Array(certificate.raw),
    caCertificatePem: readFileSync(files.caCertificate, 'utf8'),
    files,
  };
}
