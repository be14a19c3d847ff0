import { basename } from 'node:path';
import type { CaseRecords, Sop } from '@segqc/core';
import { jsonFieldDiff, type FieldChange } from './jsonFieldDiff';

/** A SOP file of the library, with the JSON it holds. */
export interface SopFile {
  file: string;
  sop: Sop;
  json: unknown;
}

export interface LibrarySop {
  id: string;
  version: string;
  /** SHA-256 of the SOP's canonical JSON: what SEGs (first 16 digits) and QC reports (all 64) record. */
  sha256: string;
  file: string;
  /** Objects of the PACS that name this very version (id, version and hash). */
  objects: number;
}

/** A SOP version as the PACS's objects name it (`id@version+hash`; a SEG holds 16 hex digits of the hash). */
export interface NamedSop {
  id: string;
  version: string;
  /** The first 16 hex digits of the hash the objects record. */
  hash: string;
  objects: number;
  /** The library holds this version with this hash; false: a version the library no longer (or never) held, or another text under its number. */
  inLibrary: boolean;
}

/** What changed from one version of a SOP to the next, field by field. */
export interface SopChange {
  id: string;
  from: string;
  to: string;
  fields: FieldChange[];
}

export interface SopVersions {
  dir: string;
  library: LibrarySop[];
  /** Library files that are not a valid SOP: never used. */
  invalid: Array<{ file: string; reason: string }>;
  named: NamedSop[];
  changes: SopChange[];
}

/** Versions in numeric order of their dotted parts (1.10.0 after 1.9.0); text order where a part is not a number. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    const difference = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (difference !== 0) return difference;
  }
  return 0;
}

const HASH_DIGITS = 16;

/**
 * The SOP library in force and the SOPs the PACS's objects name (every annotation, reference SEG and
 * QC report of the audit trail), with what changed between consecutive versions of one SOP id in the
 * library. The file's own JSON is compared, `$schema` included: it is what the SOP author wrote.
 */
export function sopVersions(dir: string, files: readonly SopFile[], invalid: SopVersions['invalid'], cases: readonly CaseRecords[]): SopVersions {
  const namedCounts = new Map<string, NamedSop>();
  for (const event of cases.flatMap((records) => records.events)) {
    if (!event.sop) continue;
    const hash = event.sop.hash.slice(0, HASH_DIGITS).toLowerCase();
    const key = `${event.sop.id}@${event.sop.version}+${hash}`;
    const named = namedCounts.get(key) ?? { id: event.sop.id, version: event.sop.version, hash, objects: 0, inLibrary: false };
    named.objects++;
    namedCounts.set(key, named);
  }
  const sorted = [...files].sort((a, b) => (a.sop.id < b.sop.id ? -1 : a.sop.id > b.sop.id ? 1 : compareVersions(a.sop.version, b.sop.version)));
  const library = sorted.map(({ file, sop }): LibrarySop => {
    const sha256 = sop.reference.sha256;
    const named = namedCounts.get(`${sop.id}@${sop.version}+${sha256.slice(0, HASH_DIGITS)}`);
    if (named) named.inLibrary = true;
    return { id: sop.id, version: sop.version, sha256, file: basename(file), objects: named?.objects ?? 0 };
  });
  const changes = sorted.slice(1).flatMap((next, i) => {
    const previous = sorted[i];
    return previous.sop.id === next.sop.id ? [{ id: next.sop.id, from: previous.sop.version, to: next.sop.version, fields: jsonFieldDiff(previous.json, next.json) }] : [];
  });
  const named = [...namedCounts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)));
  return { dir, library, invalid: invalid.map(({ file, reason }) => ({ file: basename(file), reason })), named, changes };
}
