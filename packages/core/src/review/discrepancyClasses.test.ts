// The overlay's three classes: their label values are the ones discrepancyMap writes, and their
// names and colours tell them apart.
import { grid, voxels } from '../metrics/metrics.fixture';
import { DISCREPANCY_CLASS, DISCREPANCY_CLASSES, DISCREPANCY_NONE } from './discrepancyClasses';
import { discrepancyMap } from './discrepancyMap';

test('values 1, 2, 3 are Both, A only, B only, and 0 is neither', () => {
  expect(DISCREPANCY_NONE).toBe(0);
  expect(DISCREPANCY_CLASSES.map((c) => [c.value, c.key, c.label])).toEqual([[1, 'both', 'Both'], [2, 'a-only', 'A only'], [3, 'b-only', 'B only']]);
  expect(DISCREPANCY_CLASSES.map((c) => DISCREPANCY_CLASS[c.key])).toEqual(DISCREPANCY_CLASSES);
});

test('discrepancyMap labels voxels with these values', () => {
  const g = grid(4, 1, 1);
  const map = discrepancyMap(voxels(g, [[0, 0, 0], [1, 0, 0]]), voxels(g, [[1, 0, 0], [2, 0, 0]]));
  expect(Array.from(map.labels)).toEqual([DISCREPANCY_CLASS['a-only'].value, DISCREPANCY_CLASS.both.value, DISCREPANCY_CLASS['b-only'].value, DISCREPANCY_NONE]);
});

test('colours are valid RGB and far apart (Euclidean distance > 100 in 0–255 RGB)', () => {
  for (const c of DISCREPANCY_CLASSES) for (const v of c.color) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
  for (let p = 0; p < 3; p++) {
    for (let q = p + 1; q < 3; q++) {
      const [x, y] = [DISCREPANCY_CLASSES[p].color, DISCREPANCY_CLASSES[q].color];
      expect(Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2])).toBeGreaterThan(100);
    }
  }
});

test('the constants cannot be changed by a caller', () => {
  expect(Object.isFrozen(DISCREPANCY_CLASSES)).toBe(true);
  expect(Object.isFrozen(DISCREPANCY_CLASS.both)).toBe(true);
  expect(Object.isFrozen(DISCREPANCY_CLASS.both.color)).toBe(true);
});
