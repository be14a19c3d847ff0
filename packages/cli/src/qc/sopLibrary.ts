import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidSopError, loadSop, type Sop } from '@segqc/core';
import { UsageError } from '../usageError';

export interface SopLibraryEntry {
  /** The file it was loaded from. */
  file: string;
  sop: Sop;
}

export interface SopLibrary {
  dir: string;
  sops: SopLibraryEntry[];
  /** Files that are not a valid SOP, with why: never used, always reported. */
  invalid: Array<{ file: string; reason: string }>;
}

const SCHEMA_FILE = 'sop.schema.json';

/** The repository's SOP library, platform-config/sops (from src/qc or dist/qc alike). */
export function defaultSopDir(): string {
  return resolve(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
}

/**
 * Every SOP file of a library folder (DESIGN.md "SOPs"), each validated by core's loadSop against
 * the folder's own sop.schema.json. A file that fails — not JSON, invalid against the schema, or a
 * second file of one id@version — is listed with the reason and not used.
 */
export function readSopLibrary(dir: string): SopLibrary {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--sop-dir ${dir} is not a folder`);
  const schemaPath = join(dir, SCHEMA_FILE);
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`--sop-dir ${dir} has no ${SCHEMA_FILE}: it is not a SOP library`);
    if (error instanceof SyntaxError) throw new UsageError(`--sop-dir ${dir}: ${SCHEMA_FILE} is not JSON (${error.message})`);
    throw error;
  }
  const library: SopLibrary = { dir, sops: [], invalid: [] };
  const names = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== SCHEMA_FILE).sort();
  for (const name of names) {
    const file = join(dir, name);
    try {
      const sop = loadSop(JSON.parse(readFileSync(file, 'utf8')), schema);
      const same = library.sops.find((entry) => entry.sop.id === sop.id && entry.sop.version === sop.version);
      if (same) library.invalid.push({ file, reason: `${sop.id}@${sop.version} is ${same.file} already` });
      else library.sops.push({ file, sop });
    } catch (error) {
      if (!(error instanceof SyntaxError) && !(error instanceof InvalidSopError)) throw error;
      library.invalid.push({ file, reason: error instanceof InvalidSopError ? error.message : `not JSON: ${(error as Error).message}` });
    }
  }
  return library;
}
