// What the panel shows of the SOP in force (rendered to markup, as the browser gets it): id,
// version and the hash SEGs record, how it was chosen (named by the annotations, for the series
// they were drawn on, for the series on screen, by hand), the picker with the SOP chosen by hand
// selected, annotations naming a SOP that cannot be used as an alert, and each refused library
// file as an alert naming the file and the field.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SOP_SHORT_HASH_DIGITS, loadSop } from '@segqc/core';
import { sopKey } from './chooseSop';
import { SopPanelSection } from './SopPanelSection';
import type { SopInForceState } from './useSopInForce';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const LIBRARY = readdirSync(SOP_DIR).filter((n) => n.endsWith('.json') && n !== 'sop.schema.json').sort().map((n) => loadSop(readJson(n), readJson('sop.schema.json')));
const FLAIR_SOP = LIBRARY.find((sop) => sop.id === 'mr-brain-flair-lesion')!;

const state = (overrides: Partial<SopInForceState>): SopInForceState => ({
  settled: true,
  loading: false, libraryError: null, library: LIBRARY, failures: [], sop: FLAIR_SOP, chosenBy: 'active-series', annotationsError: null, disagreement: null,
  reason: 'mr-brain-flair-lesion@1.0.0 applies to MR FLAIR without contrast (description "FLAIR axial")',
  series: { displaySetInstanceUID: 'ds', StudyInstanceUID: '2.25.1', SeriesInstanceUID: '2.25.2', SeriesDescription: 'FLAIR axial', Modality: 'MR' },
  chooseByHand: () => undefined, chooseAutomatically: () => undefined, ...overrides,
});
const render = (overrides: Partial<SopInForceState>): string => renderToStaticMarkup(createElement(SopPanelSection, { sopInForce: state(overrides) }));
const testId = (html: string, id: string): string | undefined => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

test('id, version and the short hash SEGs record (SOP_SHORT_HASH_DIGITS of the SHA-256), chosen automatically', () => {
  const html = render({});
  expect(testId(html, 'segqc-sop-id')).toBe('mr-brain-flair-lesion');
  expect(testId(html, 'segqc-sop-version')).toBe(FLAIR_SOP.version);
  expect(testId(html, 'segqc-sop-hash')).toBe(FLAIR_SOP.reference.sha256.slice(0, SOP_SHORT_HASH_DIGITS));
  expect(html).toContain(`title="SHA-256 ${FLAIR_SOP.reference.sha256}"`);
  expect(html).toContain('data-chosen-by="active-series">Chosen automatically from the series: mr-brain-flair-lesion@1.0.0 applies to MR FLAIR without contrast (description &quot;FLAIR axial&quot;).<');
  // The picker shows "automatic" while no hand choice holds, and lists every SOP by its key.
  expect(html).toContain('<option value="" selected="">Automatic</option>');
  for (const sop of LIBRARY) expect(html).toContain(`<option value="${sopKey(sop)}">${sop.title} (${sop.id}@${sop.version})</option>`);
  expect(html).not.toContain('role="alert"');
});

test('with annotations under review: named by them, or for the series they were drawn on', () => {
  const named = render({ chosenBy: 'annotations', reason: `named by the annotations: ${sopKey(FLAIR_SOP)}` });
  expect(testId(named, 'segqc-sop-id')).toBe('mr-brain-flair-lesion');
  expect(named).toContain(`data-chosen-by="annotations">Chosen automatically, named by the annotations: ${sopKey(FLAIR_SOP)}.<`);
  const annotated = render({ chosenBy: 'annotated-series', reason: 'no annotation names a SOP; mr-brain-flair-lesion@1.0.0 applies to MR FLAIR without contrast' });
  expect(annotated).toContain('data-chosen-by="annotated-series">Chosen automatically from the series the annotations were drawn on: no annotation names a SOP; mr-brain-flair-lesion@1.0.0 applies to MR FLAIR without contrast.<');
  expect(named + annotated).not.toContain('role="alert"');
});

test('annotations naming a SOP that cannot be used: an alert, and no SOP in force', () => {
  const error = 'the annotations were made under SOP mr-brain-flair-lesion@0.9.0, which is not in the SOP library';
  const html = render({ sop: null, chosenBy: 'annotations', reason: error, annotationsError: error });
  expect(html).toContain('data-testid="segqc-sop-none"');
  expect(html).not.toContain('data-testid="segqc-sop-id"');
  expect(html).toContain(`role="alert" data-testid="segqc-sop-reason" data-chosen-by="annotations" data-error="">The SOP the annotations name cannot be used: ${error}. No SOP judges this case.<`);
  // The picker stays, to judge against another SOP by hand.
  expect(html).toMatch(/<select data-testid="segqc-sop-choice">/);
});

test('chosen by hand: said so, and the picker shows that SOP', () => {
  const ct = LIBRARY.find((sop) => sop.id === 'ct-lung-nodule')!;
  const html = render({ sop: ct, chosenBy: 'hand', reason: 'picked' });
  expect(testId(html, 'segqc-sop-id')).toBe('ct-lung-nodule');
  expect(html).toContain('data-chosen-by="hand">Chosen by hand.<');
  expect(html).toContain(`<option value="${sopKey(ct)}" selected="">`);
});

test('no SOP: the reason, and the picker disabled while no image series is shown', () => {
  const html = render({ sop: null, reason: 'no image series is shown in the active viewport', series: null });
  expect(html).toContain('data-testid="segqc-sop-none"');
  expect(html).not.toContain('data-testid="segqc-sop-id"');
  expect(html).toContain('Not chosen automatically: no image series is shown in the active viewport.');
  expect(html).toMatch(/<select data-testid="segqc-sop-choice" disabled="">/);
});

test('refused files and an unreadable library are alerts naming the file and field', () => {
  const failures = [{ file: 'broken.json', error: 'structures[2].thresholds.minDice: 1.2 is above the maximum 1', fields: ['structures[2].thresholds.minDice'] }];
  const html = render({ failures });
  expect(html).toContain('<li class="segqc-error" role="alert" data-testid="segqc-sop-failure" data-file="broken.json">SOP file broken.json was refused: structures[2].thresholds.minDice: 1.2 is above the maximum 1</li>');
  const down = render({ library: [], sop: null, libraryError: 'the SOP library at /segqc/sops/ cannot be read (its listing: the server answered HTTP 404 Not Found)' });
  expect(down).toContain('role="alert" data-testid="segqc-sop-library-error">No SOP can be chosen: the SOP library at /segqc/sops/ cannot be read (its listing: the server answered HTTP 404 Not Found)<');
  expect(down).not.toContain('segqc-sop-choice');
});

test('header and description disagreeing: a note says what each says, what was chosen, and where to change it (issue 14)', () => {
  const disagreement = 'header says FLAIR (inversion recovery with TI 2500 ms), description "t2_tirm_tra" says STIR — chose FLAIR by the header';
  const html = render({ disagreement });
  expect(html).toContain(
    '<p class="segqc-warning segqc-sop-disagreement" role="note" data-testid="segqc-sop-disagreement">Header says FLAIR (inversion recovery with TI 2500 ms), description &quot;t2_tirm_tra&quot; says STIR — chose FLAIR by the header. If the description is right, change the SOP under “Change SOP”.</p>',
  );
  expect(html).toMatch(/<select data-testid="segqc-sop-choice">/);
  expect(render({})).not.toContain('segqc-sop-disagreement');
  // Once a SOP is picked by hand, the note has done its work.
  expect(render({ disagreement, chosenBy: 'hand' })).not.toContain('segqc-sop-disagreement');
});
