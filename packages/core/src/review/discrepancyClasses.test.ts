// The overlay's three classes: their label values are the ones discrepancyMap writes, and their
// names and colours tell them apart.
import { grid, voxels } from '../metrics/metrics.fixture';
import { DISCREPANCY_CLASS, DISCREPANCY_CLASSES, DISCREPANCY_NONE } from './discrepancyClasses';
import { discrepancyMap } from './discrepancyMap';
import { colourDifference, VISIONS } from './colourVision.fixture';

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

test('colours are valid RGB and stay apart for every colour vision (ΔE*ab ≥ 50 under Machado 2009 simulation)', () => {
  for (const c of DISCREPANCY_CLASSES) for (const v of c.color) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
  const closest = Math.min(...VISIONS.flatMap((vision) => [[0, 1], [0, 2], [1, 2]].map(([p, q]) => colourDifference(DISCREPANCY_CLASSES[p].color, DISCREPANCY_CLASSES[q].color, vision))));
  expect(closest).toBeGreaterThanOrEqual(50);
});

test('the colour-vision check: white to black is 100, red and green merge for deutan readers, the earlier yellow "both" and vermillion "B only" were too close', () => {
  expect(colourDifference([255, 255, 255], [0, 0, 0], 'normal')).toBeCloseTo(100, 1);
  expect(colourDifference([255, 0, 0], [0, 128, 0], 'deuteranopia')).toBeLessThan(colourDifference([255, 0, 0], [0, 128, 0], 'normal') / 3);
  expect(colourDifference([240, 228, 66], [213, 94, 0], 'deuteranopia')).toBeLessThan(50);
  expect(colourDifference([240, 228, 66], [213, 94, 0], 'normal')).toBeGreaterThan(50);
});

test('the constants cannot be changed by a caller', () => {
  expect(Object.isFrozen(DISCREPANCY_CLASSES)).toBe(true);
  expect(Object.isFrozen(DISCREPANCY_CLASS.both)).toBe(true);
  expect(Object.isFrozen(DISCREPANCY_CLASS.both.color)).toBe(true);
});
