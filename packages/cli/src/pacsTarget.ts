import { stowInstances, type StowResult } from '@segqc/core';
import { UsageError } from './usageError';

/** A DICOMweb root to store results in, and the bearer token to send (never printed). */
export interface PacsTarget {
  url: string;
  token: string | null;
}

/**
 * `--stow URL` (and `--token TOKEN`, or SEGQC_DICOMWEB_TOKEN so the token stays out of the process
 * list): where a command also stores what it wrote, after writing the file.
 */
export function pacsTarget(url: string | undefined, token: string | undefined): PacsTarget | null {
  if (url === undefined) {
    if (token !== undefined) throw new UsageError('--token goes with --stow URL');
    return null;
  }
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(parsed.protocol);
  } catch {
    throw new UsageError(`--stow takes the DICOMweb root of a PACS, e.g. https://pacs.example/dicom-web; got '${url}'`);
  }
  return { url: url.replace(/\/$/, ''), token: token ?? process.env.SEGQC_DICOMWEB_TOKEN ?? null };
}

/** STOW-RS of one Part 10 file, retried on network and server errors (the core client). */
export function storeInPacs(bytes: Uint8Array, target: PacsTarget): Promise<StowResult> {
  return stowInstances([bytes], {
    url: target.url,
    fetch: (url, init) => fetch(url, init),
    headers: () => (target.token ? { Authorization: `Bearer ${target.token}` } : undefined),
  });
}
