import { CREDENTIAL_USAGE } from '../auth/credentialFlags';
import { parseProgrammeArgs, type ProgrammeReadOptions } from './programmeOptions';

export interface DriftOptions extends ProgrammeReadOptions {
  /** One JSON document of the whole state on stdout instead of the table. */
  json: boolean;
}

export const DRIFT_USAGE = `segqc drift --pacs URL ${CREDENTIAL_USAGE} [--workers N] [--json]`;

/** Parses the arguments after `segqc drift`. */
export function parseDriftOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): DriftOptions {
  const { read, switches } = parseProgrammeArgs(args, 'drift', DRIFT_USAGE, { switches: ['--json'] }, env);
  return { ...read, json: switches.has('--json') };
}
