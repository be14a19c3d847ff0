import { stowInstances, type StowResult } from '@segqc/core';
import type { Credential } from './auth/Credential';
import { PacsConnection } from './auth/PacsConnection';
import { resolveCredential } from './auth/resolveCredential';
import { dicomwebRootOption } from './dicomwebRootOption';
import { UsageError } from './usageError';

/** A DICOMweb root to store results in, and how the access token sent is had (never printed). */
export interface PacsTarget {
  url: string;
  credential: Credential;
}

/**
 * `--stow URL` (with `--token-file FILE` or `--token TOKEN`, or the environment: resolveCredential):
 * where a command also stores what it wrote, after writing the file.
 */
export function pacsTarget(url: string | undefined, token: string | undefined, tokenFile?: string, env: NodeJS.ProcessEnv = process.env): PacsTarget | null {
  if (url === undefined) {
    if (token !== undefined || tokenFile !== undefined) throw new UsageError(`${token !== undefined ? '--token' : '--token-file'} goes with --stow URL`);
    return null;
  }
  return { url: dicomwebRootOption(url, '--stow'), credential: resolveCredential({ tokenFile, token }, env) };
}

/**
 * STOW-RS of one Part 10 file, retried on network and server errors (the core client), with the
 * access token of `connection` (one made for this store when not given); a 401 or 403 is a
 * PacsAccessError saying why.
 */
export function storeInPacs(bytes: Uint8Array, target: PacsTarget, connection = new PacsConnection(target.credential)): Promise<StowResult> {
  return stowInstances([bytes], { url: target.url, ...connection.stow }).catch((error: unknown) => {
    throw connection.explain(error);
  });
}
