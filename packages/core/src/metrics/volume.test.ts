// Volumes in mL: voxel count × voxel volume.
import { maskVolumeMl, volumeMl } from './volume';
import { box, grid } from './metrics.fixture';

test('1000 voxels of 0.7 × 0.7 × 1.25 mm = 612.5 mm³ = 0.6125 mL', () => {
  expect(volumeMl(1000, grid(1, 1, 1, [0.7, 0.7, 1.25]))).toBeCloseTo(0.6125, 15);
});

test('a 10 × 10 × 10 block of 2 mm cubes is 8 mL', () => {
  const g = grid(12, 12, 12, [2, 2, 2]);
  expect(maskVolumeMl(box(g, [1, 1, 1], [10, 10, 10]))).toBe(8);
});
