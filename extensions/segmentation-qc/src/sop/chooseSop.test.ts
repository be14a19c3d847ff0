// The SOP in force. With annotations under review it is `segqc qc`'s: the SOP their SEGs name
// (hash checked), else the one for the series they were drawn on — whatever series is on screen;
// a named SOP the library lacks or holds as another text is an error and no SOP judges. Without
// annotations under review (the annotate mode) the automatic choice follows the series on screen.
// A hand choice wins while its SOP is in the library, and names the exact text (id@version+hash),
// so another version is not taken for it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop, type ParsedSopReference, type Sop } from '@segqc/core';
import { NO_ANNOTATED_SERIES, NO_SOURCE_SERIES, chooseSop, sopKey } from './chooseSop';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): Record<string, any> => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SCHEMA = readJson('sop.schema.json');
const LIBRARY = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), SCHEMA));
const byId = (id: string): Sop => LIBRARY.find((sop) => sop.id === id)!;
const FLAIR = { Modality: 'MR', SeriesDescription: 'FLAIR axial' };
const T1 = { Modality: 'MR', SeriesDescription: 'T1 axial' };
const referenceTo = (sop: Sop): ParsedSopReference => ({ id: sop.id, version: sop.version, shortHash: sop.reference.shortHash });
const annotators = (sop: ParsedSopReference | null) => [{ id: 'Rivera, Ana', sop }, { id: 'Chen, Wei', sop }];

test('no annotations under review: selectSop on the series on screen, with its reason', () => {
  expect(chooseSop(LIBRARY, { annotations: null, series: FLAIR }, null)).toEqual({
    sop: byId('mr-brain-flair-lesion'), chosenBy: 'active-series', reason: expect.stringMatching(/^mr-brain-flair-lesion@\S+ applies to MR FLAIR without contrast/), error: null,
  });
  expect(chooseSop(LIBRARY, { annotations: null, series: null }, null)).toEqual({ sop: null, chosenBy: 'active-series', reason: NO_SOURCE_SERIES, error: null });
});

test('annotations under review: the SOP they name, even where the series would get another or none', () => {
  const flair = byId('mr-brain-flair-lesion');
  const written = sopKey(flair);
  // mr-01: T1 on screen, the annotations drawn on FLAIR and naming the FLAIR lesion SOP.
  expect(chooseSop(LIBRARY, { annotations: annotators(referenceTo(flair)), series: T1 }, null)).toEqual({
    sop: flair, chosenBy: 'annotations', reason: `named by the annotations: ${written}`, error: null,
  });
  expect(chooseSop(LIBRARY, { annotations: [...annotators(referenceTo(flair)), { id: 'Okafor, Chidi', sop: null }], series: null }, null).sop).toBe(flair);
});

test('annotations naming no SOP: the SOP for the series they were drawn on, as `segqc qc` chooses', () => {
  expect(chooseSop(LIBRARY, { annotations: annotators(null), series: FLAIR }, null)).toEqual({
    sop: byId('mr-brain-flair-lesion'), chosenBy: 'annotated-series', reason: expect.stringMatching(/^no annotation names a SOP; mr-brain-flair-lesion@\S+ applies to MR FLAIR/), error: null,
  });
  expect(chooseSop(LIBRARY, { annotations: annotators(null), series: { Modality: 'PT' } }, null)).toEqual({
    sop: null, chosenBy: 'annotated-series', reason: 'no annotation names a SOP; no SOP in the library applies to PT without contrast', error: null,
  });
  expect(chooseSop(LIBRARY, { annotations: annotators(null), series: null }, null)).toEqual({
    sop: null, chosenBy: 'annotated-series', reason: `no annotation names a SOP; ${NO_ANNOTATED_SERIES}`, error: null,
  });
});

test('a named SOP the library lacks or holds as another text, or different SOPs named: an error, and no SOP judges', () => {
  const missing = { id: 'mr-brain-flair-lesion', version: '0.9.0', shortHash: '0123456789abcdef' };
  const notInLibrary = 'the annotations were made under SOP mr-brain-flair-lesion@0.9.0, which is not in the SOP library';
  expect(chooseSop(LIBRARY, { annotations: annotators(missing), series: FLAIR }, null)).toEqual({ sop: null, chosenBy: 'annotations', reason: notInLibrary, error: notInLibrary });

  const edited = readJson('mr-brain-flair-lesion.json');
  edited.structures[0].thresholds.minDice = 0.71;
  const other = referenceTo(loadSop(edited, SCHEMA));
  const changed = chooseSop(LIBRARY, { annotations: annotators(other), series: FLAIR }, null);
  expect([changed.sop, changed.chosenBy, changed.error]).toEqual([null, 'annotations', expect.stringMatching(/^the SOP library's mr-brain-flair-lesion@\S+ has SHA-256 [0-9a-f]{64}, but the annotations were made under .*: it is not the text they worked under$/)]);

  const ct = byId('ct-lung-nodule');
  const differ = chooseSop(LIBRARY, { annotations: [{ id: 'Rivera, Ana', sop: referenceTo(ct) }, { id: 'Chen, Wei', sop: referenceTo(byId('mr-brain-flair-lesion')) }], series: FLAIR }, null);
  expect([differ.sop, differ.error]).toEqual([null, expect.stringMatching(/^the annotations name different SOPs: ct-lung-nodule@\S+ \(Rivera, Ana\); mr-brain-flair-lesion@\S+ \(Chen, Wei\)$/)]);
  // A hand choice still overrides the error.
  expect(chooseSop(LIBRARY, { annotations: annotators(missing), series: FLAIR }, sopKey(ct))).toMatchObject({ sop: ct, chosenBy: 'hand', error: null });
});

test('by hand: the picked SOP, even where the series or the annotations would get another or none', () => {
  const ct = byId('ct-lung-nodule');
  expect(sopKey(ct)).toBe(`ct-lung-nodule@${ct.version}+${ct.reference.sha256.slice(0, 16)}`);
  expect(chooseSop(LIBRARY, { annotations: null, series: FLAIR }, sopKey(ct))).toEqual({ sop: ct, chosenBy: 'hand', reason: `ct-lung-nodule@${ct.version} picked by hand`, error: null });
  expect(chooseSop(LIBRARY, { annotations: null, series: null }, sopKey(ct)).sop).toBe(ct);
  expect(chooseSop(LIBRARY, { annotations: annotators(referenceTo(byId('mr-brain-flair-lesion'))), series: FLAIR }, sopKey(ct)).sop).toBe(ct);
});

test('a hand choice whose text is no longer in the library falls back to the automatic choice', () => {
  const edited = readJson('mr-brain-flair-lesion.json');
  edited.structures[0].thresholds.minDice = 0.71;
  const stale = sopKey(loadSop(edited, SCHEMA));
  expect(stale).not.toBe(sopKey(byId('mr-brain-flair-lesion')));
  expect(chooseSop(LIBRARY, { annotations: null, series: { Modality: 'CT' } }, stale)).toMatchObject({ sop: byId('ct-lung-nodule'), chosenBy: 'active-series' });
  expect(chooseSop(LIBRARY, { annotations: annotators(null), series: { Modality: 'CT' } }, stale)).toMatchObject({ sop: byId('ct-lung-nodule'), chosenBy: 'annotated-series' });
});

test('an automatic choice carries the header/description disagreement (issue 14); a hand choice does not', () => {
  const misnamed = { Modality: 'MR', SeriesDescription: 'AX T2', ScanningSequence: ['SE', 'IR'], RepetitionTime: 9000, EchoTime: 120, InversionTime: 2250 };
  const disagreement = 'header says FLAIR (inversion recovery with TI 2250 ms), description "AX T2" says T2 — chose FLAIR by the header';
  expect(chooseSop(LIBRARY, { annotations: null, series: misnamed }, null)).toMatchObject({ sop: byId('mr-brain-flair-lesion'), chosenBy: 'active-series', disagreement });
  expect(chooseSop(LIBRARY, { annotations: annotators(null), series: misnamed }, null)).toMatchObject({ chosenBy: 'annotated-series', disagreement });
  expect(chooseSop(LIBRARY, { annotations: null, series: misnamed }, sopKey(byId('ct-lung-nodule'))).disagreement).toBeUndefined();
  expect(chooseSop(LIBRARY, { annotations: null, series: FLAIR }, null).disagreement).toBeUndefined();
});
