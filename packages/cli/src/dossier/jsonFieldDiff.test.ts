// What changed between two versions of a SOP, field by field: nested objects give dotted paths,
// arrays indexed ones; a field only one side has is added or removed, never "changed to undefined".
import { jsonFieldDiff } from './jsonFieldDiff';

it('gives each field that differs by its path, in document order', () => {
  const before = { id: 's', version: '1.0.0', title: 'T', structures: [{ label: 'A', thresholds: { minDice: 0.7 } }, { label: 'B' }] };
  const after = { id: 's', version: '1.1.0', structures: [{ label: 'A', thresholds: { minDice: 0.75, maxHd95Mm: 3 } }], modality: 'CT' };
  expect(jsonFieldDiff(before, after)).toEqual([
    { path: 'version', change: 'changed', before: '1.0.0', after: '1.1.0' },
    { path: 'title', change: 'removed', before: 'T' },
    { path: 'structures[0].thresholds.minDice', change: 'changed', before: 0.7, after: 0.75 },
    { path: 'structures[0].thresholds.maxHd95Mm', change: 'added', after: 3 },
    { path: 'structures[1]', change: 'removed', before: { label: 'B' } },
    { path: 'modality', change: 'added', after: 'CT' },
  ]);
});

it('finds nothing between equal documents; a value of another type is one change', () => {
  expect(jsonFieldDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  expect(jsonFieldDiff({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', change: 'changed', before: [1], after: { 0: 1 } }]);
});
