/**
 * `npm start`'s case store kept in step with the PACS: `segqc sync --watch` as a child process,
 * reading through the gateway like any other SegQC client (with the QC service account's token
 * when sign-in is on), its lines on this console. It runs as a worker would in a deployment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { repositoryRoot } from './paths';

/** The service account the sync signs in as, by the OAuth 2.0 client-credentials grant. */
export interface SyncServiceAccount {
  issuer: string;
  clientId: string;
  secretFile: string;
  /** The resource (RFC 8707) the access token is for. */
  resource?: string;
}

export interface CaseStoreSyncOptions {
  /** The gateway's DICOMweb root. */
  dicomweb: string;
  storeDir: string;
  watchSeconds: number;
  serviceAccount?: SyncServiceAccount;
}

const SEGQC_CLI = join(repositoryRoot, 'packages', 'cli', 'bin', 'segqc.js');

export function startCaseStoreSync(options: CaseStoreSyncOptions): ChildProcess {
  const account = options.serviceAccount;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['SEGQC_DICOMWEB_TOKEN', 'SEGQC_DICOMWEB_TOKEN_FILE', 'SEGQC_OIDC_CLIENT_ID', 'SEGQC_OIDC_CLIENT_SECRET_FILE', 'SEGQC_OIDC_RESOURCE']) delete env[name];
  if (account) {
    Object.assign(env, { SEGQC_OIDC_ISSUER: account.issuer, SEGQC_OIDC_CLIENT_ID: account.clientId, SEGQC_OIDC_CLIENT_SECRET_FILE: account.secretFile });
    if (account.resource) env.SEGQC_OIDC_RESOURCE = account.resource;
  }
  // One worker thread: the viewer shares the machine.
  const child = spawn(process.execPath, [SEGQC_CLI, 'sync', '--pacs', options.dicomweb, '--store', options.storeDir, '--watch', String(options.watchSeconds), '--workers', '1'], {
    env, stdio: ['ignore', 'ignore', 'pipe'],
  });
  createInterface({ input: child.stderr! }).on('line', (line) => console.log(line));
  child.on('exit', (code, signal) => {
    if (signal === null) console.error(`segqc: the case store sync stopped (exit code ${code}); the QC overview reads the PACS directly until the next start`);
  });
  return child;
}
