import { spawnSync } from 'node:child_process';

/** The Annex C profile dcmsign holds a signature to: Structured Report RSA (C.4) for a report, Authorization RSA (C.3) for a reference SEG. */
const PROFILE_OPTION = { sr: '--require-sr', authorization: '--require-auth' } as const;

/** DCMTK's own check of a file's DICOM Digital Signatures (Debian dcmtk), trusting the CA certificate file: its exit status and what it said. */
export function dcmsignVerify(file: string, caCertificateFile: string, profile: keyof typeof PROFILE_OPTION = 'sr'): { status: number | null; output: string } {
  const result = spawnSync('/usr/bin/dcmsign', ['--verify', '-v', PROFILE_OPTION[profile], '+cf', caCertificateFile, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
