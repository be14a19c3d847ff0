// Why: a case is judged against the SOP its annotators worked under, as their SEGs record it —
// by `segqc qc` and by the reviewer's panel alike, whatever series is on screen. That SOP is the
// library's text of the named id@version only while its hash is the recorded one; otherwise, or
// when the annotations name different SOPs, there is no SOP to judge by, never another in its place.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedSopReference } from '../seg/SopReference';
import { loadSop } from './loadSop';
import type { Sop } from './Sop';
import { sopNamedByAnnotations, writtenSopReference } from './sopNamedByAnnotations';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): Record<string, any> => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SCHEMA = readJson('sop.schema.json');
const LIBRARY: Sop[] = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), SCHEMA));
const FLAIR = LIBRARY.find((sop) => sop.id === 'mr-brain-flair-lesion')!;
const referenceTo = (sop: Sop): ParsedSopReference => ({ id: sop.id, version: sop.version, shortHash: sop.reference.shortHash });

test('the SOP the annotations name, its hash checked; an annotation naming none does not contradict', () => {
  const reference = referenceTo(FLAIR);
  const written = `mr-brain-flair-lesion@${FLAIR.version}+${FLAIR.reference.shortHash}`;
  expect(writtenSopReference(reference)).toBe(written);
  expect(sopNamedByAnnotations(LIBRARY, [{ id: 'Rivera, Ana', sop: reference }, { id: 'Chen, Wei', sop: null }, { id: 'Okafor, Chidi', sop: reference }]))
    .toEqual({ status: 'named', sop: FLAIR, reference, written, message: `the annotations name ${written}` });
  // A shorter recorded hash (at least 8 digits, as ProtocolName's rule allows) still names it.
  expect(sopNamedByAnnotations(LIBRARY, [{ id: 'a', sop: { ...reference, shortHash: FLAIR.reference.sha256.slice(0, 8) } }]).status).toBe('named');
});

test('no annotation names a SOP: none named, so the caller chooses by the series', () => {
  expect(sopNamedByAnnotations(LIBRARY, [{ id: 'a', sop: null }, { id: 'b', sop: null }])).toEqual({ status: 'none-named' });
  expect(sopNamedByAnnotations(LIBRARY, [])).toEqual({ status: 'none-named' });
});

test('a SOP the library does not hold, or holds as another text, is an error, not another SOP', () => {
  const missing = { id: 'mr-brain-flair-lesion', version: '0.9.0', shortHash: '0123456789abcdef' };
  expect(sopNamedByAnnotations(LIBRARY, [{ id: 'a', sop: missing }])).toEqual({
    status: 'not-in-library', reference: missing, written: 'mr-brain-flair-lesion@0.9.0+0123456789abcdef',
    message: 'the annotations were made under SOP mr-brain-flair-lesion@0.9.0, which is not in the SOP library',
  });

  const edited = readJson('mr-brain-flair-lesion.json');
  edited.structures[0].thresholds.minDice = 0.71;
  const annotatedUnder = loadSop(edited, SCHEMA);
  const reference = referenceTo(annotatedUnder);
  expect(reference.shortHash).not.toBe(FLAIR.reference.shortHash);
  const outcome = sopNamedByAnnotations(LIBRARY, [{ id: 'a', sop: reference }, { id: 'b', sop: reference }]);
  expect(outcome).toEqual({
    status: 'hash-differs', sop: FLAIR, reference, written: writtenSopReference(reference),
    message: `the SOP library's mr-brain-flair-lesion@${FLAIR.version} has SHA-256 ${FLAIR.reference.sha256}, but the annotations were made under ${writtenSopReference(reference)}: it is not the text they worked under`,
  });
});

test('annotations naming different SOPs: each SOP with the annotations that name it', () => {
  const flair = referenceTo(FLAIR);
  const ct = referenceTo(LIBRARY.find((sop) => sop.id === 'ct-lung-nodule')!);
  const outcome = sopNamedByAnnotations(LIBRARY, [{ id: 'Rivera, Ana', sop: flair }, { id: 'Chen, Wei', sop: ct }, { id: 'Okafor, Chidi', sop: flair }]);
  expect(outcome).toEqual({
    status: 'names-differ',
    named: [{ written: writtenSopReference(flair), ids: ['Rivera, Ana', 'Okafor, Chidi'] }, { written: writtenSopReference(ct), ids: ['Chen, Wei'] }],
    message: `the annotations name different SOPs: ${writtenSopReference(flair)} (Rivera, Ana, Okafor, Chidi); ${writtenSopReference(ct)} (Chen, Wei)`,
  });
});
