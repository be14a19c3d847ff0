// selectSop with the header deciding the MR sequence class (issue 14): the library's FLAIR SOP for a
// Siemens FLAIR whatever its name, no T2 SOP for a STIR named T2, and a disagreement carried in the
// selection and in its reason (which `segqc qc` prints).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop } from './loadSop';
import { selectSop } from './selectSop';
import { MR_PROTOCOLS } from './mrProtocols.fixture';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const LIBRARY = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), readJson('sop.schema.json')));

test('every FLAIR of the protocol table gets the FLAIR lesion SOP; no other row does', () => {
  for (const protocol of MR_PROTOCOLS) {
    const { sop } = selectSop(LIBRARY, protocol.series);
    expect([protocol.series.SeriesDescription, sop?.id === 'mr-brain-flair-lesion']).toEqual([protocol.series.SeriesDescription, protocol.expected.sequenceClass === 'FLAIR']);
  }
});

test('a disagreement is carried in the selection and its reason', () => {
  const selection = selectSop(LIBRARY, { Modality: 'MR', SeriesDescription: 't2_tirm_tra', ScanningSequence: 'SE\\IR', RepetitionTime: 9000, EchoTime: 81, InversionTime: 2500 });
  expect(selection.sop?.id).toBe('mr-brain-flair-lesion');
  expect(selection.disagreement).toBe('header says FLAIR (inversion recovery with TI 2500 ms), description "t2_tirm_tra" says STIR — chose FLAIR by the header');
  expect(selection.reason).toMatch(/applies to MR FLAIR without contrast \(inversion recovery with TI 2500 ms; the description "t2_tirm_tra" says STIR, the header decides\)$/);
  expect(selectSop(LIBRARY, { Modality: 'MR', SeriesDescription: 'FLAIR axial' })).not.toHaveProperty('disagreement');
});

test('a STIR is named as such when no SOP applies', () => {
  const { sop, reason } = selectSop(LIBRARY, { Modality: 'MR', SeriesDescription: 'STIR_COR', ScanningSequence: 'IR\\SE', RepetitionTime: 4000, EchoTime: 60, InversionTime: 150 });
  expect(sop).toBeNull();
  expect(reason).toBe('no SOP in the library applies to MR STIR without contrast (inversion recovery with TI 150 ms, TE 60 ms: fat nulled, as the description "STIR_COR" says)');
});
