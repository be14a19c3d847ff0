// The checklist of the real post-contrast SOP per role: its items in order, ticks of unknown ids
// ignored, and the required items still unticked (they block saving or signing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop } from '@segqc/core';
import { checklistState } from './checklistState';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SOP = loadSop(readJson('mr-t1-postcontrast.json'), readJson('sop.schema.json'));

test('annotator: three items, two required; both missing until ticked', () => {
  const none = checklistState(SOP, 'annotator', {});
  expect(none.items.map((item) => [item.id, item.required])).toEqual([['post-contrast-series', true], ['enhancing-rim-only', true], ['vessels-excluded', false]]);
  expect(none.checked).toEqual({ 'post-contrast-series': false, 'enhancing-rim-only': false, 'vessels-excluded': false });
  expect(none.missingRequired.map((item) => item.id)).toEqual(['post-contrast-series', 'enhancing-rim-only']);

  const some = checklistState(SOP, 'annotator', { 'post-contrast-series': true, 'vessels-excluded': true, 'lesion-count-checked': true });
  expect(some.missingRequired.map((item) => item.id)).toEqual(['enhancing-rim-only']);
  expect(some.results).toEqual([
    { itemId: 'post-contrast-series', checked: true }, { itemId: 'enhancing-rim-only', checked: false }, { itemId: 'vessels-excluded', checked: true },
  ]);
  expect(checklistState(SOP, 'annotator', { 'post-contrast-series': true, 'enhancing-rim-only': true }).missingRequired).toEqual([]);
});

test('reviewer and adjudicator get their own items; no SOP, no items', () => {
  expect(checklistState(SOP, 'reviewer', {}).missingRequired.map((item) => item.id)).toEqual(['lesion-count-checked']);
  expect(checklistState(SOP, 'adjudicator', { 'reference-justified': true }).missingRequired).toEqual([]);
  expect(checklistState(null, 'annotator', { anything: true })).toMatchObject({ items: [], checked: {}, missingRequired: [], results: [] });
});
