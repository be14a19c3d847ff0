import { availableParallelism } from 'node:os';
import { CREDENTIAL_FLAGS, CREDENTIAL_USAGE } from '../auth/credentialFlags';
import type { Credential } from '../auth/Credential';
import { resolveCredential } from '../auth/resolveCredential';
import { dicomwebRootOption } from '../dicomwebRootOption';
import { UsageError } from '../usageError';

export interface SyncOptions {
  /** DICOMweb root of the PACS, without a trailing slash. */
  pacs: string;
  credential: Credential;
  /** The case store's folder. */
  store: string;
  sopDir: string | null;
  workers: number;
  /** Seconds between passes; null: one pass, then exit. */
  watchSeconds: number | null;
  /** With --watch, every Nth pass keys every study whatever its counts say. */
  fullEvery: number;
  json: boolean;
}

export const SYNC_USAGE = `segqc sync --pacs URL --store DIR ${CREDENTIAL_USAGE} [--sop-dir DIR] [--workers N] [--watch SECONDS [--full-every N]] [--json]`;

const FLAGS = ['--pacs', '--store', ...CREDENTIAL_FLAGS, '--sop-dir', '--workers', '--watch', '--full-every'] as const;
type Flag = (typeof FLAGS)[number];

const wholeNumber = (flag: string, text: string | undefined, fallback: number, minimum: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new UsageError(`${flag} is a whole number ≥ ${minimum}, not '${text}'`);
  return value;
};

/** Parses the arguments after `segqc sync`. */
export function parseSyncOptions(args: string[], env: NodeJS.ProcessEnv = process.env): SyncOptions {
  const values = new Map<Flag, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') {
      json = true;
    } else if ((FLAGS as readonly string[]).includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value; usage: ${SYNC_USAGE}`);
      if (values.has(arg as Flag)) throw new UsageError(`${arg} is given twice`);
      values.set(arg as Flag, value);
      i++;
    } else {
      throw new UsageError(`${arg.startsWith('--') ? 'unknown option' : 'unexpected argument'} ${arg}; usage: ${SYNC_USAGE}`);
    }
  }
  const pacs = values.get('--pacs');
  if (pacs === undefined) throw new UsageError(`sync needs --pacs URL, the DICOMweb root of the PACS; usage: ${SYNC_USAGE}`);
  const store = values.get('--store');
  if (store === undefined) throw new UsageError(`sync needs --store DIR, the folder of the case store; usage: ${SYNC_USAGE}`);
  const watch = values.get('--watch');
  if (watch === undefined && values.has('--full-every')) throw new UsageError('--full-every is about the passes of --watch: give --watch SECONDS too');
  return {
    pacs: dicomwebRootOption(pacs, '--pacs'),
    credential: resolveCredential({ tokenFile: values.get('--token-file'), token: values.get('--token') }, env),
    store,
    sopDir: values.get('--sop-dir') ?? null,
    workers: wholeNumber('--workers', values.get('--workers'), availableParallelism(), 1),
    watchSeconds: watch === undefined ? null : wholeNumber('--watch', watch, 0, 1),
    fullEvery: wholeNumber('--full-every', values.get('--full-every'), 30, 1),
    json,
  };
}
