/**
 * The SOP the demo's CT cases are reviewed and adjudicated under: platform-config/sops/ct-lung-nodule.json
 * of this repository, validated by its schema as the viewer loads it. Read from the files (not a
 * copy), so the demo's reports carry the hash of the SOP in force; the same files give the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop, type Sop } from '@segqc/core';

// From src/generate or dist/generate of packages/demo-data to the repository's root.
const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');

let loaded: Sop | undefined;

export function ctLungNoduleSop(): Sop {
  if (loaded) return loaded;
  const read = (name: string): unknown => {
    const path = join(SOP_DIR, name);
    if (!existsSync(path)) throw new Error(`the demo's adjudications need the CT SOP: ${path} is missing (run from a SegQC checkout)`);
    return JSON.parse(readFileSync(path, 'utf8'));
  };
  loaded = loadSop(read('ct-lung-nodule.json'), read('sop.schema.json') as object);
  return loaded;
}
