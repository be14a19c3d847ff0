// Two annotations of a chest CT at full size (512 × 512 × 300, 0.7 × 0.7 × 1.25 mm), as label
// volumes: right lung 1, left lung 2, nodules 3. B is A redrawn: every lobe of the lungs moved and
// resized by a voxel or two, the nodules resized, one missed and one added. Deterministic (seeded).
// The nodules lie outside the lungs with a margin, so no voxel has one label in A and another in B:
// a tool that sees only foreground (plastimatch dice) then counts the sum of the per-label overlaps.
import type { VoxelGrid } from '@segqc/core';
import { seededRandom } from '../../core/src/metrics/metrics.fixture';

export const CHEST_BENCH_GRID: VoxelGrid = {
  columns: 512, rows: 512, slices: 300, spacing: [0.7, 0.7, 1.25],
  origin: [-179.2, -179.2, -400], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
};

export const LABELS = Object.freeze({ rightLung: 1, leftLung: 2, nodule: 3 });

/** Axis-aligned ellipsoid; centre and radii in voxels. */
interface Ellipsoid {
  c: [number, number, number];
  r: [number, number, number];
}

export interface ChestLabelVolumes {
  grid: VoxelGrid;
  a: Uint8Array;
  b: Uint8Array;
}

function paint(grid: VoxelGrid, labels: Uint8Array, { c, r }: Ellipsoid, label: number): void {
  for (let k = Math.max(0, Math.ceil(c[2] - r[2])); k <= Math.min(grid.slices - 1, Math.floor(c[2] + r[2])); k++) {
    for (let j = Math.max(0, Math.ceil(c[1] - r[1])); j <= Math.min(grid.rows - 1, Math.floor(c[1] + r[1])); j++) {
      const rest = 1 - ((k - c[2]) / r[2]) ** 2 - ((j - c[1]) / r[1]) ** 2;
      if (rest < 0) continue;
      const half = r[0] * Math.sqrt(rest);
      const from = Math.max(0, Math.ceil(c[0] - half));
      const to = Math.min(grid.columns - 1, Math.floor(c[0] + half));
      const base = grid.columns * (j + grid.rows * k);
      labels.fill(label, base + from, base + to + 1);
    }
  }
}

/** True when no voxel of either volume within `margin` voxels of the box around `e` is labelled. */
function clearAround(grid: VoxelGrid, volumes: Uint8Array[], { c, r }: Ellipsoid, margin: number): boolean {
  const low = c.map((x, a) => Math.max(0, Math.floor(x - r[a] - margin)));
  const high = [grid.columns, grid.rows, grid.slices].map((n, a) => Math.min(n - 1, Math.ceil(c[a] + r[a] + margin)));
  for (const labels of volumes)
    for (let k = low[2]; k <= high[2]; k++)
      for (let j = low[1]; j <= high[1]; j++) {
        const base = grid.columns * (j + grid.rows * k);
        for (let i = low[0]; i <= high[0]; i++) if (labels[base + i] !== 0) return false;
      }
  return true;
}

const jitter = (random: () => number, e: Ellipsoid, move: number, grow: number): Ellipsoid => ({
  c: e.c.map((x) => x + (random() * 2 - 1) * move) as Ellipsoid['c'],
  r: e.r.map((x) => Math.max(1, x + (random() * 2 - 1) * grow)) as Ellipsoid['r'],
});

export function chestLabelVolumes(seed: number): ChestLabelVolumes {
  const grid = CHEST_BENCH_GRID;
  const random = seededRandom(seed);
  const a = new Uint8Array(grid.columns * grid.rows * grid.slices);
  const b = new Uint8Array(a.length);
  // Each lung: an upper, middle and lower lobe-like ellipsoid around its centre column.
  for (const [label, centreColumn] of [[LABELS.rightLung, 165], [LABELS.leftLung, 347]] as const) {
    for (const [centreSlice, height] of [[215, 60], [150, 70], [85, 60]]) {
      const lobe: Ellipsoid = { c: [centreColumn + random() * 10 - 5, 250 + random() * 20 - 10, centreSlice], r: [70 + random() * 10, 110 + random() * 20, height] };
      paint(grid, a, lobe, label);
      paint(grid, b, jitter(random, lobe, 1.5, 2), label);
    }
  }
  // Nodules of 3–9 mm radius anywhere in the chest but clear of both annotations' lungs.
  const nodules: Ellipsoid[] = [];
  while (nodules.length < 14) {
    const radiusMm = 3 + random() * 6;
    const nodule: Ellipsoid = {
      c: [60 + random() * 392, 60 + random() * 392, 40 + random() * 220],
      r: [radiusMm / grid.spacing[0], radiusMm / grid.spacing[1], radiusMm / grid.spacing[2]],
    };
    if (clearAround(grid, [a, b], nodule, 6)) nodules.push(nodule);
  }
  // B misses the last nodule A has and adds one A does not have.
  nodules.slice(0, 13).forEach((nodule) => paint(grid, a, nodule, LABELS.nodule));
  nodules.slice(0, 12).forEach((nodule) => paint(grid, b, jitter(random, nodule, 1, 1.5), LABELS.nodule));
  paint(grid, b, nodules[13], LABELS.nodule);
  return { grid, a, b };
}
