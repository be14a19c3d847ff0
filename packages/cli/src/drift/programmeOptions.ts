import { availableParallelism } from 'node:os';
import { CREDENTIAL_FLAGS } from '../auth/credentialFlags';
import type { Credential } from '../auth/Credential';
import { resolveCredential } from '../auth/resolveCredential';
import { UsageError } from '../usageError';

/** Where the programme is read from, and with how many worker threads. */
export interface ProgrammeReadOptions {
  /** DICOMweb root of the PACS, without a trailing slash. */
  pacs: string;
  /** How the access token sent with every request is had (never printed). */
  credential: Credential;
  /** Worker threads reading cases; the number of CPUs when not given. */
  workers: number;
}

export interface ParsedProgrammeArgs {
  read: ProgrammeReadOptions;
  /** The command's own flags with a value. */
  values: Map<string, string>;
  /** The command's own switches given. */
  switches: Set<string>;
}

const READ_FLAGS = ['--pacs', ...CREDENTIAL_FLAGS, '--workers'];

/**
 * The arguments of a command that reads the whole programme from a PACS (`segqc drift`,
 * `segqc report --html`): `--pacs URL [--token-file FILE | --token TOKEN] [--workers N]` (the
 * credential as resolveCredential finds it), plus the command's own `flags` (with a value) and
 * `switches`.
 */
export function parseProgrammeArgs(
  args: readonly string[], command: string, usage: string, own: { flags?: readonly string[]; switches?: readonly string[] }, env: NodeJS.ProcessEnv = process.env,
): ParsedProgrammeArgs {
  const flags = [...READ_FLAGS, ...(own.flags ?? [])];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (flags.includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value; usage: ${usage}`);
      if (values.has(arg)) throw new UsageError(`${arg} is given twice`);
      values.set(arg, value);
      i++;
    } else if (own.switches?.includes(arg)) {
      switches.add(arg);
    } else {
      throw new UsageError(`${arg.startsWith('--') ? 'unknown option' : 'unexpected argument'} ${arg}; usage: ${usage}`);
    }
  }

  const pacs = values.get('--pacs');
  if (pacs === undefined) throw new UsageError(`${command} needs --pacs URL, the DICOMweb root of the PACS; usage: ${usage}`);
  try {
    const url = new URL(pacs);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
  } catch {
    throw new UsageError(`--pacs takes the DICOMweb root of a PACS, e.g. https://pacs.example/dicom-web; got '${pacs}'`);
  }
  const workersText = values.get('--workers');
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers is a whole number ≥ 1, not '${workersText}'`);
  const credential = resolveCredential({ tokenFile: values.get('--token-file'), token: values.get('--token') }, env);
  for (const flag of READ_FLAGS) values.delete(flag);
  return { read: { pacs: pacs.replace(/\/+$/, ''), credential, workers }, values, switches };
}
