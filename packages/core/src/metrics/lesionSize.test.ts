// The lesion minimum (issue 14): equivalent-sphere diameter or volume, turned into the fewest voxels
// of a lesion on a grid, with the boundary on the lesion side.
import { equivalentDiameterMm, lesionSizeRule, lesionSizeText, minLesionVolumeMm3, minLesionVoxels, sphereVolumeMm3 } from './lesionSize';
import { MetricInputError } from './MetricInputError';
import { grid } from './metrics.fixture';

test('a 3 mm sphere holds π/6·27 = 14.137 mm³, and back', () => {
  expect(sphereVolumeMm3(3)).toBeCloseTo(14.1372, 4);
  expect(equivalentDiameterMm(sphereVolumeMm3(3))).toBeCloseTo(3, 12);
  // 15 voxels of 1 mm³: (90/π)^(1/3) = 3.06 mm; 14: 2.990 mm.
  expect(equivalentDiameterMm(15)).toBeCloseTo(3.0598, 4);
  expect(equivalentDiameterMm(14)).toBeCloseTo(2.9903, 4);
});

test.each([
  ['no minimum', undefined, [1, 1, 1], 1],
  ['null', null, [1, 1, 1], 1],
  ['3 mm at 1 mm voxels: 15 voxels (14.14 mm³)', { diameterMm: 3 }, [1, 1, 1], 15],
  ['3 mm at 0.5 × 0.5 × 2 mm (0.5 mm³): 29 voxels', { diameterMm: 3 }, [0.5, 0.5, 2], 29],
  ['3 mm at 0.7 × 0.7 × 1.25 mm (0.6125 mm³): 24 voxels', { diameterMm: 3 }, [0.7, 0.7, 1.25], 24],
  ['a volume of exactly 8 voxels is 8 voxels (the boundary is a lesion)', { volumeMm3: 8 }, [1, 1, 1], 8],
  ['a volume of 0.1 mm³: still one voxel', { volumeMm3: 0.1 }, [1, 1, 1], 1],
  ['0 mm: no minimum', { diameterMm: 0 }, [1, 1, 1], 1],
] as const)('%s', (_, size, spacing, voxels) => {
  expect(minLesionVoxels(size, grid(4, 4, 4, [...spacing]))).toBe(voxels);
});

test('exactly one of diameter and volume, a non-negative number', () => {
  expect(() => minLesionVolumeMm3({})).toThrow(MetricInputError);
  expect(() => minLesionVolumeMm3({ diameterMm: 3, volumeMm3: 14 })).toThrow('minLesionSize: give the diameter (diameterMm) or the volume (volumeMm3), one of the two');
  expect(() => minLesionVolumeMm3({ diameterMm: -1 })).toThrow('minLesionSize.diameterMm: must be a non-negative number, got -1');
  expect(() => minLesionVolumeMm3({ volumeMm3: Number.NaN })).toThrow('minLesionSize.volumeMm3');
});

test('the rule as the conventions state it', () => {
  expect(lesionSizeRule(null)).toBe('no minimum: every component is a lesion');
  expect(lesionSizeRule({ diameterMm: 3 })).toMatch(/^a component is a lesion when its equivalent-sphere diameter \(6V\/π\)\^\(1\/3\) ≥ 3 mm /);
  expect(lesionSizeRule({ volumeMm3: 20 })).toMatch(/volume ≥ 20 mm³/);
});

test('the minimum in words a reviewer reads, none for no or a zero minimum', () => {
  expect(lesionSizeText({ diameterMm: 3 })).toBe('3 mm across');
  expect(lesionSizeText({ volumeMm3: 14.1 })).toBe('14.1 mm³');
  expect(lesionSizeText(null)).toBeNull();
  expect(lesionSizeText({ diameterMm: 0 })).toBeNull();
});
