import { statSync } from 'node:fs';
import { CREDENTIAL_USAGE } from '../auth/credentialFlags';
import { parseProgrammeArgs, type ProgrammeReadOptions } from '../drift/programmeOptions';
import { UsageError } from '../usageError';

export interface DossierOptions extends ProgrammeReadOptions {
  /** The folder dossier.json, dossier.html and dossier.pdf are written to (made when missing). */
  out: string;
  /** The SOP library in force; null: the repository's (platform-config/sops), as `segqc qc`. */
  sopDir: string | null;
  /** The gateway's journal of writes, checked as `segqc audit verify --journal` checks it; null: none. */
  journal: string | null;
  includePatientIdentifiers: boolean;
  /** The CA certificates QC report signatures are checked against, as `segqc audit --trust-store` (else SEGQC_TRUST_STORE); null: signatures are checked, their certificates are not. */
  trustStore: string | null;
}

export const DOSSIER_USAGE =
  `segqc dossier --pacs URL ${CREDENTIAL_USAGE} --out DIR [--sop-dir DIR] [--journal FILE] [--trust-store FILE] [--workers N] [--include-patient-identifiers]`;

/** Parses the arguments after `segqc dossier`. */
export function parseDossierOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): DossierOptions {
  const { read, values, switches } = parseProgrammeArgs(args, 'dossier', DOSSIER_USAGE, { flags: ['--out', '--sop-dir', '--journal', '--trust-store'], switches: ['--include-patient-identifiers'] }, env);
  const out = values.get('--out');
  if (out === undefined) throw new UsageError(`dossier needs --out DIR, the folder to write dossier.json, .html and .pdf to; usage: ${DOSSIER_USAGE}`);
  const existing = statSync(out, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${out} is a file; give the folder to write the dossier to`);
  return {
    ...read, out, sopDir: values.get('--sop-dir') ?? null, journal: values.get('--journal') ?? null,
    includePatientIdentifiers: switches.has('--include-patient-identifiers'), trustStore: values.get('--trust-store') ?? (env['SEGQC_TRUST_STORE'] || null),
  };
}
