import { BitMask, popcount32 } from './BitMask';
import type { VoxelGrid } from './VoxelGrid';

const grid = (columns: number, rows: number, slices: number): VoxelGrid => ({
  columns, rows, slices, spacing: [1, 1, 1], origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
});

test.each([[0, 0], [1, 1], [0xffffffff, 32], [0x80000000, 1], [0x0f0f0f0f, 16], [0xdeadbeef, 24]])('popcount32(%i) = %i', (word, bits) => {
  expect(popcount32(word)).toBe(bits);
});

test('a cube of 3×4×5 voxels in a 7×9×11 grid counts 60, and its indices are its voxels', () => {
  const g = grid(7, 9, 11);
  const cube = BitMask.fromPredicate(g, (i, j, k) => i >= 2 && i < 5 && j >= 1 && j < 5 && k >= 3 && k < 8);
  expect(cube.count()).toBe(60);
  const indices = Array.from(cube.indices());
  expect(indices).toHaveLength(60);
  expect(indices[0]).toBe(2 + 7 * (1 + 9 * 3));
  expect(indices.every((n) => cube.get(n))).toBe(true);
});

test('intersection of two offset cubes is their overlap', () => {
  const g = grid(10, 10, 10);
  const a = BitMask.fromPredicate(g, (i, j, k) => i < 4 && j < 4 && k < 4);
  const b = BitMask.fromPredicate(g, (i, j, k) => i >= 2 && i < 6 && j < 4 && k < 4);
  expect(a.intersectionCount(b)).toBe(2 * 4 * 4);
});

test('set, clear and get address single voxels across word boundaries', () => {
  const mask = new BitMask(grid(33, 1, 1));
  mask.set(31);
  mask.set(32);
  expect([mask.get(30), mask.get(31), mask.get(32), mask.count()]).toEqual([false, true, true, 2]);
  mask.clear(31);
  expect([mask.get(31), mask.count()]).toEqual([false, 1]);
});

test('words of the wrong length are refused', () => {
  expect(() => new BitMask(grid(10, 10, 10), new Uint32Array(3))).toThrow(RangeError);
});
