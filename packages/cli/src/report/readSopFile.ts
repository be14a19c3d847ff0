import { readFileSync } from 'node:fs';
import { canonicalJsonSha256, type SopInForceInit } from '@segqc/core';
import { UsageError } from '../usageError';

/**
 * The SOP in force from a SOP JSON file. The SOP schema is not fixed yet: any JSON object with a
 * string `id` and `version` is accepted; its hash is the SHA-256 of its canonical JSON (keys
 * sorted, no whitespace), so reformatting the file does not change it.
 */
export function readSopFile(path: string): SopInForceInit {
  let sop: unknown;
  try {
    sop = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`--sop ${path} is not JSON: ${error.message}`);
    throw error;
  }
  if (sop === null || typeof sop !== 'object' || Array.isArray(sop)) throw new UsageError(`--sop ${path} is not a JSON object`);
  const { id, version } = sop as { id?: unknown; version?: unknown };
  if (typeof id !== 'string' || id.trim() === '') throw new UsageError(`--sop ${path} has no string "id"`);
  if (typeof version !== 'string' || version.trim() === '') throw new UsageError(`--sop ${path} has no string "version"`);
  return { id, version, sha256: canonicalJsonSha256(sop) };
}
