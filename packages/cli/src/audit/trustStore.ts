import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { UsageError } from '../usageError';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The CA certificates of a trust store file (PEM, one or more certificates, as `openssl` and
 * dcmsign --add-cert-file take them), each checked to be an X.509 certificate, so that a wrong
 * file stops the command instead of making every signature "untrusted".
 */
export function readTrustStore(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--trust-store ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) throw new UsageError(`--trust-store ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  certificates.forEach((pem, n) => {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw new UsageError(`--trust-store ${file}: certificate ${n + 1} cannot be read (${(error as Error).message})`);
    }
  });
  return certificates;
}
