import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriesSopAttributesFromDicomJson, type ParsedSopReference } from '@segqc/core';
import { QcCaseError } from './QcCaseError';
import { sopForCase } from './sopForCase';
import { defaultSopDir, readSopLibrary } from './sopLibrary';

// Why: every verdict of `segqc qc` follows the thresholds of the SOP the annotators worked under.
// That SOP is the one their SEGs name, and only if the library's file is still the very text they
// worked under (its hash); without a named SOP the choice is the viewer's (the series decides).

const library = readSopLibrary(defaultSopDir());
const ct = library.sops.find(({ sop }) => sop.id === 'ct-lung-nodule')!;
const named = (sop: ParsedSopReference | null) => [{ id: 'Rivera, Ana', sop }, { id: 'Chen, Wei', sop }];
const reference = (shortHash: string, version = '1.2.0'): ParsedSopReference => ({ id: 'ct-lung-nodule', version, shortHash });
const CT_SERIES = { Modality: 'CT' };

test('the SOP the annotations name, its hash checked: chosen by ProtocolName', () => {
  const chosen = sopForCase(library, named(reference(ct.sop.reference.shortHash)), CT_SERIES);
  expect(chosen).toEqual({ sop: ct.sop, file: ct.file, chosenBy: 'protocol-name', reason: `the annotations name ct-lung-nodule@1.2.0+${ct.sop.reference.shortHash}` });
  // An annotation that names none does not contradict the others.
  expect(sopForCase(library, [...named(reference(ct.sop.reference.shortHash)), { id: 'Okafor, Chidi', sop: null }], CT_SERIES).sop).toBe(ct.sop);
});

test('a library file that is not the text the annotators worked under is an error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segqc-sops-'));
  try {
    cpSync(defaultSopDir(), dir, { recursive: true });
    const edited = join(dir, 'ct-lung-nodule.json');
    const json = JSON.parse(readFileSync(edited, 'utf8'));
    writeFileSync(edited, JSON.stringify({ ...json, title: `${json.title} (edited)` }));
    const changed = readSopLibrary(dir);
    const sha256 = changed.sops.find(({ sop }) => sop.id === 'ct-lung-nodule')!.sop.reference.sha256;
    expect(() => sopForCase(changed, named(reference(ct.sop.reference.shortHash)), CT_SERIES)).toThrow(new QcCaseError(
      `${edited} is ct-lung-nodule@1.2.0 with SHA-256 ${sha256}, but the annotations were made under ct-lung-nodule@1.2.0+${ct.sop.reference.shortHash}: the file is not the text they worked under`,
    ));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a SOP version the library does not hold, and annotations naming different SOPs, are errors', () => {
  expect(() => sopForCase(library, named(reference('0123456789abcdef', '1.0.0')), CT_SERIES))
    .toThrow(new QcCaseError(`the annotations were made under SOP ct-lung-nodule@1.0.0, which is not in ${defaultSopDir()}`));
  expect(() => sopForCase(library, [{ id: 'Rivera, Ana', sop: reference('0123456789abcdef', '1.0.0') }, { id: 'Chen, Wei', sop: reference('0123456789abcdef') }, { id: 'Okafor, Chidi', sop: reference('0123456789abcdef') }], CT_SERIES))
    .toThrow(new QcCaseError('the annotations name different SOPs: ct-lung-nodule@1.0.0+0123456789abcdef (Rivera, Ana); ct-lung-nodule@1.2.0+0123456789abcdef (Chen, Wei, Okafor, Chidi)'));
});

test('no annotation names a SOP: the one that applies to the source series, as the viewer chooses; or none', () => {
  const flair = { '00080060': { vr: 'CS', Value: ['MR'] }, '0008103E': { vr: 'LO', Value: ['FLAIR axial'] }, '00180020': { vr: 'CS', Value: ['SE', 'IR'] }, '00180082': { vr: 'DS', Value: [2500] } };
  expect(seriesSopAttributesFromDicomJson(flair)).toEqual({ Modality: 'MR', SeriesDescription: 'FLAIR axial', ScanningSequence: ['SE', 'IR'], InversionTime: 2500 });
  const mr = sopForCase(library, named(null), seriesSopAttributesFromDicomJson(flair));
  expect([mr.sop?.id, mr.chosenBy, mr.file]).toEqual(['mr-brain-flair-lesion', 'series', join(defaultSopDir(), 'mr-brain-flair-lesion.json')]);
  expect(mr.reason).toMatch(/^no annotation names a SOP; mr-brain-flair-lesion@1\.1\.0 applies to MR FLAIR/);
  expect(sopForCase(library, named(null), { Modality: 'CT' }).sop).toBe(ct.sop);
  expect(sopForCase(library, named(null), { Modality: 'PT' })).toEqual({ sop: null, file: null, chosenBy: 'series', reason: 'no annotation names a SOP; no SOP in the library applies to PT without contrast' });
});
