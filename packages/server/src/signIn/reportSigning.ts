/**
 * Who signs the VERIFIED QC reports and reference SEGs `npm start`'s gateway stores (the gateway's signStoredObject.ts):
 * with SEGQC_AUTH=demo, a demo signer certificate issued by a demo CA, both made at the first start in
 * `<data dir>/signing` (mode 0700, files 0600) and kept; with a site's sign-in, the site's certificate
 * and key (SEGQC_SIGNING_CERT_FILE, SEGQC_SIGNING_KEY_FILE), or none; without sign-in, none (the
 * gateway signs only for a signed-in user).
 */
import { GatewayConfigError, demoSigningCertificate, maxAuthAgeOf, signingSettingsOf, type ReportSigningSettings } from '@segqc/gateway';
import { OPENSSL, ensureDebianPackages } from '../debianPackages';
import { StartupError } from '../startupError';
import type { SignInChoice } from './signInEnvironment';

export interface ReportSigning {
  settings: ReportSigningSettings;
  /** The demo CA's certificate file, to verify the signatures with (`dcmsign --verify +cf FILE`); none for a site's. */
  demoCaCertificateFile?: string;
}

export function reportSigningOf(auth: SignInChoice, env: NodeJS.ProcessEnv, demoSigningDir: string): ReportSigning | undefined {
  if (auth.kind === 'none') return undefined;
  if (auth.kind === 'demo') {
    ensureDebianPackages([OPENSSL]);
    let demo;
    try {
      demo = demoSigningCertificate(demoSigningDir, 'SegQC demo signer');
    } catch (error) {
      throw new StartupError(`the demo signer certificate cannot be made in ${demoSigningDir} (it needs the openssl command): ${(error as Error).message}`);
    }
    try {
      return { settings: { certificatePem: demo.certificatePem, privateKeyPem: demo.privateKeyPem, ...maxAuthAgeOf(env) }, demoCaCertificateFile: demo.files.caCertificate };
    } catch (error) {
      throw error instanceof GatewayConfigError ? new StartupError(error.message) : error;
    }
  }
  try {
    const settings = signingSettingsOf(env);
    return settings && { settings };
  } catch (error) {
    throw error instanceof GatewayConfigError ? new StartupError(error.message) : error;
  }
}
