/**
 * The SOP library as the viewer gets it from its own origin (DESIGN.md "SOPs"): the folder's
 * listing (nginx's `autoindex_format json` shape, which `npm start` answers too), the schema file,
 * then every other `*.json`, each through core's loadSop with that schema. A file that fails is
 * reported with the fields that fail and left out whole (loadSop never half-loads); the others
 * load. Without the listing or the schema nothing can be checked, so that throws.
 */
import { DicomValueError, InvalidSopError, UnsupportedSchemaError, loadSop, type Sop } from '@segqc/core';

/** Where the host serves platform-config/sops (packages/server sopLibraryRoute, nginx segqc.conf). */
export const SOP_LIBRARY_URL = '/segqc/sops/';
export const SOP_SCHEMA_FILE = 'sop.schema.json';

/** A SOP file that was refused, and why: `path: reason` for each failing field, `; `-separated. */
export interface SopLibraryFailure {
  file: string;
  error: string;
  /** The failing fields' paths, e.g. `structures[0].thresholds.minDice`; `(file)` when the file could not be read or parsed. */
  fields: readonly string[];
}

export interface SopLibrary {
  /** Sorted by file name. */
  sops: readonly Sop[];
  failures: readonly SopLibraryFailure[];
}

/** The part of a fetch Response read here. */
export interface FetchedFile {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}
export type FetchFile = (url: string) => Promise<FetchedFile>;

/** The listing or the schema could not be read: no SOP can be checked. */
export class SopLibraryUnavailableError extends Error {
  override readonly name = 'SopLibraryUnavailableError';
}

/** The path a failure names when the whole file, not a field, is at fault. */
export const WHOLE_FILE = '(file)';

class UnreadableFileError extends Error {}

export async function fetchSopLibrary(baseUrl: string = SOP_LIBRARY_URL, fetchFile: FetchFile = (url) => fetch(url)): Promise<SopLibrary> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const read = async (name: string): Promise<unknown> => {
    let response: FetchedFile;
    try {
      response = await fetchFile(base + encodeURIComponent(name));
    } catch (error) {
      throw new UnreadableFileError(`cannot be fetched: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new UnreadableFileError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UnreadableFileError(`is not valid JSON (${(error as Error).message})`);
    }
  };
  const unavailable = (what: string, error: unknown): never => {
    throw new SopLibraryUnavailableError(`the SOP library at ${base} cannot be read (${what}: ${(error as Error).message})`);
  };

  const listing = await read('').catch((error: unknown) => unavailable('its listing', error));
  const names = sopFileNames(listing, base);
  const schema = await read(SOP_SCHEMA_FILE).catch((error: unknown) => unavailable(SOP_SCHEMA_FILE, error));
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new SopLibraryUnavailableError(`the SOP library at ${base} cannot be read (${SOP_SCHEMA_FILE}: not a JSON Schema object)`);
  }

  const outcomes = await Promise.all(
    names.map(async (file): Promise<{ file: string; sop?: Sop; failure?: SopLibraryFailure }> => {
      try {
        return { file, sop: loadSop(await read(file), schema) };
      } catch (error) {
        if (error instanceof UnsupportedSchemaError) throw new SopLibraryUnavailableError(`${SOP_SCHEMA_FILE} cannot be used: ${error.message}`);
        return { file, failure: describeFailure(file, error) };
      }
    }),
  );

  const sops: Sop[] = [];
  const failures: SopLibraryFailure[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, sop, failure } of outcomes) {
    if (failure) {
      failures.push(failure);
      continue;
    }
    if (!sop) continue;
    // Two files with one id@version would make the choice between them ambiguous and the
    // recorded reference tell nothing apart: the second is refused.
    const key = `${sop.id}@${sop.version}`;
    const earlier = fileOf.get(key);
    if (earlier !== undefined) {
      failures.push({ file, error: `id: ${key} is already defined by ${earlier}`, fields: ['id'] });
      continue;
    }
    fileOf.set(key, file);
    sops.push(sop);
  }
  return { sops, failures };
}

/** The listing's `*.json` file names other than the schema, sorted; hidden and directory entries are left out. */
export function sopFileNames(listing: unknown, base = SOP_LIBRARY_URL): string[] {
  if (!Array.isArray(listing)) {
    throw new SopLibraryUnavailableError(`the SOP library listing at ${base} is not a JSON array (serve the folder with nginx's autoindex_format json)`);
  }
  const names = listing
    .filter((entry): entry is { name: string; type?: unknown } => entry !== null && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string')
    .filter((entry) => (entry.type === undefined || entry.type === 'file') && entry.name.endsWith('.json') && !entry.name.startsWith('.') && entry.name !== SOP_SCHEMA_FILE)
    .map((entry) => entry.name);
  return [...new Set(names)].sort();
}

function describeFailure(file: string, error: unknown): SopLibraryFailure {
  if (error instanceof InvalidSopError) {
    return { file, error: error.errors.map((e) => `${e.path}: ${e.reason}`).join('; '), fields: error.errors.map((e) => e.path) };
  }
  // The reference's own checks (e.g. id@version+hash longer than ProtocolName's 64 characters) name the field too.
  if (error instanceof DicomValueError) return { file, error: `${error.attributePath}: ${error.reason}`, fields: [error.attributePath] };
  const reason = error instanceof UnreadableFileError ? error.message : `cannot be loaded: ${error instanceof Error ? error.message : String(error)}`;
  return { file, error: `${WHOLE_FILE}: ${reason}`, fields: [WHOLE_FILE] };
}
