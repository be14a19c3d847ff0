// Issue 16: annotate mode opened an MR study on T1 with "No SOP in force" though the library's SOP
// is for FLAIR. The annotator is put on the series a SOP applies to; a series on screen that has a
// SOP of its own stays; a study no SOP applies to stays as OHIF opened it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop, type SopSeriesAttributes } from '@segqc/core';
import { seriesToAnnotate, type SeriesCandidate } from './seriesToAnnotate';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): Record<string, any> => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SCHEMA = readJson('sop.schema.json');
const LIBRARY = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), SCHEMA));

// Headers as a scanner writes them (Siemens, 3 T): the sequence class is read from TR/TE/TI.
const mr = (SeriesDescription: string, RepetitionTime: number, EchoTime: number, extra: Partial<SopSeriesAttributes> = {}): SopSeriesAttributes => ({
  Modality: 'MR', SeriesDescription, RepetitionTime, EchoTime, ...extra,
});
const candidate = (name: string, seriesNumber: number | null, attributes: SopSeriesAttributes): SeriesCandidate<string> => ({ series: name, seriesNumber, attributes });
const T1 = candidate('t1', 1, mr('t1_se_tra', 550, 9.1, { ScanningSequence: 'SE', SequenceVariant: 'NONE' }));
const T2 = candidate('t2', 2, mr('t2_tse_tra_p2', 6000, 99, { ScanningSequence: 'SE', SequenceVariant: 'SK\\SP\\OSP' }));
const FLAIR = candidate('flair', 3, mr('t2_tirm_tra_dark-fluid', 9000, 81, { ScanningSequence: 'SE\\IR', SequenceVariant: 'SK\\SP\\MP', InversionTime: 2500 }));
const T1_POST = candidate('t1-post', 4, mr('t1_vibe_fs_tra_post', 4.6, 2.1, { ScanningSequence: 'GR', SequenceVariant: 'SP\\OSP', ContrastBolusAgent: 'Gadobutrol' }));

test('an MR study opened on T1 goes to FLAIR, with the FLAIR SOP', () => {
  const chosen = seriesToAnnotate(LIBRARY, [T1, T2, FLAIR], T1);
  expect([chosen?.series, chosen?.sop.id]).toEqual(['flair', 'mr-brain-flair-lesion']);
});

test('the series on screen stays when a SOP applies to it', () => {
  const chosen = seriesToAnnotate(LIBRARY, [T1, T2, FLAIR, T1_POST], T1_POST);
  expect([chosen?.series, chosen?.sop.id]).toEqual(['t1-post', 'mr-t1-postcontrast']);
});

test('of several series with a SOP, the lowest series number; unnumbered series come last', () => {
  const unnumberedFlair = { ...FLAIR, seriesNumber: null };
  expect(seriesToAnnotate(LIBRARY, [unnumberedFlair, T1_POST, T2], T2)?.series).toBe('t1-post');
  expect(seriesToAnnotate(LIBRARY, [T1_POST, FLAIR], null)?.series).toBe('flair');
});

test('no SOP for any series, or an empty library: no choice', () => {
  expect(seriesToAnnotate(LIBRARY, [T1, T2], T1)).toBeNull();
  expect(seriesToAnnotate([], [T1, FLAIR], T1)).toBeNull();
});
