import { availableParallelism } from 'node:os';
import { DicomValueError, checkUid } from '@segqc/core';
import { CREDENTIAL_FLAGS, CREDENTIAL_USAGE } from '../auth/credentialFlags';
import type { Credential } from '../auth/Credential';
import { resolveCredential } from '../auth/resolveCredential';
import { dicomwebRootOption } from '../dicomwebRootOption';
import { UsageError } from '../usageError';

export interface QcOptions {
  /** DICOMweb root of the PACS, without a trailing slash. */
  pacs: string;
  /** How the access token sent with every request is had (never printed). */
  credential: Credential;
  /** Only these studies; every study of the PACS with a SEG when empty. */
  studies: string[];
  /** Worker threads; the number of CPUs when not given. */
  workers: number;
  /** Resume file: cases done are skipped, each result written as it comes. */
  state: string | null;
  /** SOP library folder (platform-config/sops when not given). */
  sopDir: string | null;
  /** Store an unsigned review QC report per case, observed by the access token's user or, without one, this self-declared reviewer (writerIdentity). */
  writeReports: { name?: string; login?: string } | null;
  json: boolean;
}

export const QC_USAGE =
  `segqc qc --pacs URL ${CREDENTIAL_USAGE} [--study UID ...] [--workers N] [--state FILE] [--sop-dir DIR] [--write-reports [--reviewer NAME --login ID]] [--json]`;

/** The names qc gives the writer of its reports, for writerIdentity's messages. */
export const QC_WRITER_FLAGS = { name: '--reviewer', login: '--login' } as const;

const FLAGS = ['--pacs', ...CREDENTIAL_FLAGS, '--workers', '--state', '--sop-dir', '--reviewer', '--login'] as const;
type Flag = (typeof FLAGS)[number];

/** Parses the arguments after `segqc qc`; `--study` takes one or more UIDs and may be repeated. */
export function parseQcOptions(args: string[], env: NodeJS.ProcessEnv = process.env): QcOptions {
  const values = new Map<Flag, string>();
  const studies: string[] = [];
  let writeReports = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--study') {
      const start = i;
      while (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) studies.push(args[++i]);
      if (i === start) throw new UsageError(`--study needs a Study Instance UID; usage: ${QC_USAGE}`);
    } else if ((FLAGS as readonly string[]).includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value; usage: ${QC_USAGE}`);
      if (values.has(arg as Flag)) throw new UsageError(`${arg} is given twice`);
      values.set(arg as Flag, value);
      i++;
    } else if (arg === '--write-reports') {
      writeReports = true;
    } else if (arg === '--json') {
      json = true;
    } else {
      throw new UsageError(`${arg.startsWith('--') ? 'unknown option' : 'unexpected argument'} ${arg}; usage: ${QC_USAGE}`);
    }
  }

  const pacs = values.get('--pacs');
  if (pacs === undefined) throw new UsageError(`qc needs --pacs URL, the DICOMweb root of the PACS; usage: ${QC_USAGE}`);
  for (const study of studies) {
    try {
      checkUid(study, '--study');
    } catch (error) {
      if (error instanceof DicomValueError) throw new UsageError(`--study ${study} is not a Study Instance UID (digits and dots, PS3.5 9.1)`);
      throw error;
    }
  }

  const workersText = values.get('--workers');
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers is a whole number ≥ 1, not '${workersText}'`);

  const name = values.get('--reviewer');
  const login = values.get('--login');
  if (!writeReports && (name !== undefined || login !== undefined)) {
    throw new UsageError(`${name !== undefined ? '--reviewer' : '--login'} names the reviewer of the reports: give --write-reports too`);
  }

  return {
    pacs: dicomwebRootOption(pacs, '--pacs'),
    credential: resolveCredential({ tokenFile: values.get('--token-file'), token: values.get('--token') }, env),
    studies: [...new Set(studies)],
    workers,
    state: values.get('--state') ?? null,
    sopDir: values.get('--sop-dir') ?? null,
    writeReports: writeReports ? { ...(name !== undefined ? { name } : {}), ...(login !== undefined ? { login } : {}) } : null,
    json,
  };
}
