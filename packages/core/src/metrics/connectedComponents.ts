import type { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';
import type { VoxelBox } from './boundingBox';
import { maskRuns, type MaskRuns } from './maskRuns';
import { MetricInputError } from './MetricInputError';

/** Face (6), face + edge (18) or face + edge + corner (26) neighbours. Lesions use 26. */
export type Connectivity = 6 | 18 | 26;

/**
 * Connected components of a mask, as its row runs labelled by component. Components are numbered
 * 0…count−1 in raster order of their first voxel (lowest k, then j, then i), so the numbering is
 * reproducible.
 */
export interface ConnectedComponents {
  grid: VoxelGrid;
  connectivity: Connectivity;
  count: number;
  runs: MaskRuns;
  /** Component of each run. */
  runComponent: Int32Array;
  /** Voxels per component. */
  voxels: Float64Array;
  /** Bounding box per component. */
  boxes: VoxelBox[];
}

/**
 * Labels the connected components of `mask` (default 26-connectivity, the lesion convention) by
 * union–find over row runs: a run can only touch runs of the previous row and of the previous
 * slice's three rows around it, and runs are few, so this is fast on large masks.
 */
export function connectedComponents(mask: BitMask, connectivity: Connectivity = 26): ConnectedComponents {
  if (connectivity !== 6 && connectivity !== 18 && connectivity !== 26) {
    throw new MetricInputError('connectivity', `must be 6, 18 or 26, got ${String(connectivity)}`);
  }
  const { rows, slices } = mask.grid;
  const runs = maskRuns(mask);
  const { row, start, end, length } = runs;
  // First run of every grid row (rows without runs get the next row's first run).
  const firstRun = new Int32Array(rows * slices + 1);
  for (let n = length - 1, r = rows * slices; r >= 0; r--) {
    while (n >= 0 && row[n] >= r) n--;
    firstRun[r] = n + 1;
  }
  const parent = new Int32Array(length);
  for (let n = 0; n < length; n++) parent[n] = n;
  const find = (n: number): number => {
    while (parent[n] !== n) {
      parent[n] = parent[parent[n]];
      n = parent[n];
    }
    return n;
  };
  // Runs of two rows touch when their column ranges overlap, or also meet diagonally (slack 1)
  // when the rows' offset plus the column step is within the connectivity.
  const linkRows = (current: number, previous: number, slack: number): void => {
    let p = firstRun[current];
    const pEnd = firstRun[current + 1];
    let q = firstRun[previous];
    const qEnd = firstRun[previous + 1];
    while (p < pEnd && q < qEnd) {
      if (end[q] + slack < start[p]) q++;
      else if (end[p] + slack < start[q]) p++;
      else {
        const rp = find(p);
        const rq = find(q);
        if (rp !== rq) {
          if (rp < rq) parent[rq] = rp;
          else parent[rp] = rq;
        }
        if (end[p] < end[q]) p++;
        else q++;
      }
    }
  };
  const faceSlack = connectivity === 6 ? 0 : 1; // same slice, row above: face, or edge with ±1 column
  for (let r = 0; r < rows * slices; r++) {
    if (firstRun[r] === firstRun[r + 1]) continue;
    const j = r % rows;
    const k = (r - j) / rows;
    if (j > 0) linkRows(r, r - 1, faceSlack);
    if (k > 0) {
      const below = r - rows;
      linkRows(r, below, faceSlack);
      if (connectivity !== 6) {
        // The rows ±1 of the previous slice: edge neighbours (18) need column overlap, corners (26) allow ±1.
        const slack = connectivity === 26 ? 1 : 0;
        if (j > 0) linkRows(r, below - 1, slack);
        if (j < rows - 1) linkRows(r, below + 1, slack);
      }
    }
  }
  const runComponent = new Int32Array(length);
  const labelOfRoot = new Int32Array(length).fill(-1);
  const voxels: number[] = [];
  const boxes: VoxelBox[] = [];
  for (let n = 0; n < length; n++) {
    const root = find(n);
    let label = labelOfRoot[root];
    const j = row[n] % rows;
    const k = (row[n] - j) / rows;
    if (label < 0) {
      label = labelOfRoot[root] = voxels.length;
      voxels.push(0);
      boxes.push({ iMin: start[n], jMin: j, kMin: k, iMax: end[n], jMax: j, kMax: k });
    }
    runComponent[n] = label;
    voxels[label] += end[n] - start[n] + 1;
    const b = boxes[label];
    if (start[n] < b.iMin) b.iMin = start[n];
    if (end[n] > b.iMax) b.iMax = end[n];
    if (j < b.jMin) b.jMin = j;
    if (j > b.jMax) b.jMax = j;
    if (k > b.kMax) b.kMax = k;
  }
  return { grid: mask.grid, connectivity, count: voxels.length, runs, runComponent, voxels: Float64Array.from(voxels), boxes };
}

/**
 * The components of `c` with at least `minVoxels` voxels (the lesion minimum, lesionSize.ts),
 * renumbered 0…count−1 in their original (raster) order; the runs of the others are dropped, so
 * overlaps and matching never see them. `c` itself when every component is kept.
 */
export function componentsOfAtLeast(c: ConnectedComponents, minVoxels: number): ConnectedComponents {
  const relabel = new Int32Array(c.count).fill(-1);
  const voxels: number[] = [];
  const boxes: VoxelBox[] = [];
  for (let l = 0; l < c.count; l++) {
    if (c.voxels[l] < minVoxels) continue;
    relabel[l] = voxels.length;
    voxels.push(c.voxels[l]);
    boxes.push(c.boxes[l]);
  }
  if (voxels.length === c.count) return c;
  let kept = 0;
  for (let n = 0; n < c.runs.length; n++) if (relabel[c.runComponent[n]] >= 0) kept++;
  const row = new Int32Array(kept);
  const start = new Int32Array(kept);
  const end = new Int32Array(kept);
  const runComponent = new Int32Array(kept);
  for (let n = 0, m = 0; n < c.runs.length; n++) {
    const label = relabel[c.runComponent[n]];
    if (label < 0) continue;
    row[m] = c.runs.row[n];
    start[m] = c.runs.start[n];
    end[m] = c.runs.end[n];
    runComponent[m++] = label;
  }
  return { grid: c.grid, connectivity: c.connectivity, count: voxels.length, runs: { length: kept, row, start, end }, runComponent, voxels: Float64Array.from(voxels), boxes };
}
