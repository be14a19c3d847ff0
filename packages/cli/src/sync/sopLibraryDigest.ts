import { createHash } from 'node:crypto';
import type { SopLibrary } from '../qc/sopLibrary';

/** One digest of the SOPs in force (each `id@version` with its file's SHA-256): an edited or added SOP changes every case's version key. */
export function sopLibraryDigest(library: SopLibrary): string {
  const sops = library.sops.map(({ sop }) => `${sop.reference.id}@${sop.reference.version}+${sop.reference.sha256}`).sort();
  return createHash('sha256').update(JSON.stringify(sops)).digest('hex');
}
