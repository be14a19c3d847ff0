// The SOP in force: the automatic choice follows the series; a hand choice wins while its SOP is in
// the library, and names the exact text (id@version+hash), so another version is not taken for it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop, type Sop } from '@segqc/core';
import { NO_SOURCE_SERIES, chooseSop, sopKey } from './chooseSop';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): Record<string, any> => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SCHEMA = readJson('sop.schema.json');
const LIBRARY = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), SCHEMA));
const byId = (id: string): Sop => LIBRARY.find((sop) => sop.id === id)!;
const FLAIR = { Modality: 'MR', SeriesDescription: 'FLAIR axial' };

test('automatic: selectSop on the series, with its reason', () => {
  expect(chooseSop(LIBRARY, FLAIR, null)).toEqual({
    sop: byId('mr-brain-flair-lesion'), chosenBy: 'automatic', reason: expect.stringMatching(/^mr-brain-flair-lesion@\S+ applies to MR FLAIR without contrast/),
  });
  expect(chooseSop(LIBRARY, null, null)).toEqual({ sop: null, chosenBy: 'automatic', reason: NO_SOURCE_SERIES });
});

test('by hand: the picked SOP, even where the series would get another or none', () => {
  const ct = byId('ct-lung-nodule');
  expect(sopKey(ct)).toBe(`ct-lung-nodule@${ct.version}+${ct.reference.sha256.slice(0, 16)}`);
  expect(chooseSop(LIBRARY, FLAIR, sopKey(ct))).toEqual({ sop: ct, chosenBy: 'hand', reason: `ct-lung-nodule@${ct.version} picked by hand` });
  expect(chooseSop(LIBRARY, null, sopKey(ct)).sop).toBe(ct);
});

test('a hand choice whose text is no longer in the library falls back to the automatic choice', () => {
  const edited = readJson('mr-brain-flair-lesion.json');
  edited.structures[0].thresholds.minDice = 0.71;
  const stale = sopKey(loadSop(edited, SCHEMA));
  expect(stale).not.toBe(sopKey(byId('mr-brain-flair-lesion')));
  expect(chooseSop(LIBRARY, { Modality: 'CT' }, stale)).toMatchObject({ sop: byId('ct-lung-nodule'), chosenBy: 'automatic' });
});
