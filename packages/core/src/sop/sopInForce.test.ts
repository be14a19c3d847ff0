// Why: the programme's statistics must measure a case under the SOP `segqc qc` judges it by — the one
// its SEGs name, else the one that applies to its series — and under no other in its place.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedSopReference } from '../seg/SopReference';
import { loadSop } from './loadSop';
import type { Sop } from './Sop';
import { sopInForce } from './sopInForce';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const LIBRARY: Sop[] = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), readJson('sop.schema.json')));
const sopOf = (id: string): Sop => LIBRARY.find((sop) => sop.id === id)!;
const referenceTo = (sop: Sop): ParsedSopReference => ({ id: sop.id, version: sop.version, shortHash: sop.reference.shortHash });
const CT = { Modality: 'CT' };
const FLAIR_SERIES = { Modality: 'MR', SeriesDescription: 'FLAIR axial', ScanningSequence: ['SE', 'IR'], InversionTime: 2500 };

test('the SOP the annotations name wins over the one the series would get', () => {
  const flair = sopOf('mr-brain-flair-lesion');
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: referenceTo(flair) }, { id: 'b', sop: null }], CT)).toBe(flair);
});

test('annotations that name no SOP: the SOP that applies to the series', () => {
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: null }], CT)?.id).toBe('ct-lung-nodule');
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: null }], FLAIR_SERIES)?.id).toBe('mr-brain-flair-lesion');
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: null }], { Modality: 'US' })).toBeNull();
});

test('a SOP that cannot be had gives none, never the series’ SOP in its place', () => {
  const lung = sopOf('ct-lung-nodule');
  const named = referenceTo(lung);
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: { ...named, version: '9.9.9' } }], CT)).toBeNull();
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: { ...named, shortHash: '0000000000000000' } }], CT)).toBeNull();
  expect(sopInForce(LIBRARY, [{ id: 'a', sop: named }, { id: 'b', sop: referenceTo(sopOf('mr-brain-flair-lesion')) }], CT)).toBeNull();
  expect(sopInForce([], [{ id: 'a', sop: named }], CT)).toBeNull();
});
