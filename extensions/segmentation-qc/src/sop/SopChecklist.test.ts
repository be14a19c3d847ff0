// The checklist as rendered: one checkbox per item of the role, required ones marked (data-required
// and a label), ticks shown, and how many required items are still unticked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadSop } from '@segqc/core';
import { checklistState } from './checklistState';
import { SopChecklist } from './SopChecklist';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SOP = loadSop(readJson('mr-t1-postcontrast.json'), readJson('sop.schema.json'));
const render = (...args: Parameters<typeof checklistState>): string =>
  renderToStaticMarkup(createElement(SopChecklist, { checklist: { ...checklistState(...args), setChecked: () => undefined, reset: () => undefined } }));

test('annotator items with required marked, one ticked, one required left', () => {
  const html = render(SOP, 'annotator', { 'post-contrast-series': true });
  const boxes = [...html.matchAll(/<input type="checkbox" data-testid="segqc-checklist-item" data-item-id="([^"]+)" data-required="(true|false)"( checked="")?/g)];
  expect(boxes.map(([, id, required, checked]) => [id, required, checked !== undefined])).toEqual([
    ['post-contrast-series', 'true', true], ['enhancing-rim-only', 'true', false], ['vessels-excluded', 'false', false],
  ]);
  expect(html.match(/<span class="segqc-required">required<\/span>/g)).toHaveLength(2);
  expect(html).toContain('data-count="1">1 required item is not ticked yet.<');
});

test('all required ticked; other roles; no SOP', () => {
  expect(render(SOP, 'reviewer', { 'lesion-count-checked': true })).toContain('data-testid="segqc-checklist-complete"');
  expect(render(SOP, 'adjudicator', {})).toContain('data-role="adjudicator"');
  const none = render(null, 'annotator', {});
  expect(none).toContain('No SOP in force, so no checklist.');
  expect(none).not.toContain('segqc-checklist-item');
});
