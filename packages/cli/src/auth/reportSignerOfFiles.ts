import { readFileSync } from 'node:fs';
import { GatewayConfigError, reportSignerOf, type ReportSigner } from '@segqc/gateway';
import { UsageError } from '../usageError';
import { readSecretFile } from './readSecretFile';

/** The options of a command that signs the VERIFIED QC reports it writes. */
export const SIGNING_FLAGS = ['--signing-cert', '--signing-key'] as const;

export const SIGNING_USAGE = '[--signing-cert FILE --signing-key FILE]';

/** The command line's part: `--signing-cert FILE` and `--signing-key FILE`, when given. */
export interface SigningFileFlags {
  certificateFile?: string;
  keyFile?: string;
}

/**
 * The signer of the VERIFIED QC reports a command writes, as the gateway signs them (its
 * reportSignerOf): the signer certificate (PEM) and its private key (PEM, RSA or EC) from
 * `--signing-cert FILE --signing-key FILE`, else from the gateway's SEGQC_SIGNING_CERT_FILE and
 * SEGQC_SIGNING_KEY_FILE; each pair both or neither; null when neither (nothing is signed). The key
 * file is read as a token file is (readSecretFile: refused when group or others have any access). A
 * key that is not the certificate's, or a certificate not valid at `now`, is a usage error: the
 * files are read here so that a bad pair stops the command before anything is stored.
 */
export function reportSignerOfFiles(flags: SigningFileFlags, env: NodeJS.ProcessEnv, now: Date): ReportSigner | null {
  const given = flags.certificateFile !== undefined || flags.keyFile !== undefined;
  // An empty variable counts as unset, as resolveCredential counts it.
  const certificate = given ? { setting: '--signing-cert', file: flags.certificateFile } : { setting: 'SEGQC_SIGNING_CERT_FILE', file: env.SEGQC_SIGNING_CERT_FILE || undefined };
  const key = given ? { setting: '--signing-key', file: flags.keyFile } : { setting: 'SEGQC_SIGNING_KEY_FILE', file: env.SEGQC_SIGNING_KEY_FILE || undefined };
  if (certificate.file === undefined && key.file === undefined) return null;
  if (certificate.file === undefined || key.file === undefined) {
    const [both, what] = given ? ['--signing-cert FILE and --signing-key FILE', 'go together'] : ['SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE', 'are set together'];
    throw new UsageError(`${both} ${what}: the signer certificate and its private key (PEM)`);
  }

  const privateKeyPem = readSecretFile(key.file, key.setting);
  let signer: ReportSigner;
  try {
    signer = reportSignerOf({ certificatePem: readFileSync(certificate.file, 'utf8'), privateKeyPem });
  } catch (error) {
    // The gateway's words name its settings ("signing: …"); here the files are named instead.
    if (error instanceof GatewayConfigError) throw new UsageError(`${certificate.setting} ${certificate.file}, ${key.setting} ${key.file}: ${error.message.replace(/^signing: /, '')}`);
    throw error;
  }
  if (now < signer.validFrom || now > signer.validTo) {
    throw new UsageError(`${certificate.setting} ${certificate.file}: the signer certificate is not valid now (valid ${signer.validFrom.toISOString()} to ${signer.validTo.toISOString()})`);
  }
  return signer;
}
