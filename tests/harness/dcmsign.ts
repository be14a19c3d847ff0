import { spawnSync } from 'node:child_process';

/** DCMTK's own check of a file's DICOM Digital Signatures (Debian dcmtk), trusting the CA certificate file: its exit status and what it said. */
export function dcmsignVerify(file: string, caCertificateFile: string): { status: number | null; output: string } {
  const result = spawnSync('/usr/bin/dcmsign', ['--verify', '-v', '--require-sr', '+cf', caCertificateFile, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
