// Case-review benchmark: what the reviewer waits for when a case opens. Node 20, one thread, a
// 512×512×300 grid at 0.7×0.7×1.25 mm; three annotators × three structures of the CT lung-nodule
// SOP (two lungs, ~4 % of the grid each, and a dozen nodules), so reviewCase makes 3 pairs × 3
// structures = 9 full comparisons (Dice … NSD, lesion matching); then one pair's discrepancy map
// of a lung. Median of warm runs and the peak RSS, printed as the other benches' tables.
// Deterministic: shapes come from a seeded PRNG.
//
// Run from the repository root (the SOP is read from platform-config/): `npm run bench review`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCT } from '../src/codes/sct';
import { seededRandom } from '../src/metrics/metrics.fixture';
import { discrepancyMap } from '../src/review/discrepancyMap';
import { reviewCase, type ReviewAnnotation } from '../src/review/reviewCase';
import { loadSop } from '../src/sop/loadSop';
import { BitMask } from '../src/volume/BitMask';
import type { VoxelGrid } from '../src/volume/VoxelGrid';

const GRID: VoxelGrid = {
  columns: 512, rows: 512, slices: 300, spacing: [0.7, 0.7, 1.25],
  origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
};
const WARM_UP = 1;
const RUNS = 5;

/** Axis-aligned ellipsoid: centre in voxels, radii in mm. */
interface Ellipsoid { c: [number, number, number]; r: [number, number, number] }

/** Rasterises the ellipsoids (union) row span by row span. */
function paint(ellipsoids: Ellipsoid[]): BitMask {
  const mask = new BitMask(GRID);
  const [sx, sy, sz] = GRID.spacing;
  for (const { c, r } of ellipsoids) {
    const [rx, ry, rz] = [r[0] / sx, r[1] / sy, r[2] / sz];
    for (let k = Math.max(0, Math.ceil(c[2] - rz)); k <= Math.min(GRID.slices - 1, Math.floor(c[2] + rz)); k++) {
      for (let j = Math.max(0, Math.ceil(c[1] - ry)); j <= Math.min(GRID.rows - 1, Math.floor(c[1] + ry)); j++) {
        const rest = 1 - ((k - c[2]) / rz) ** 2 - ((j - c[1]) / ry) ** 2;
        if (rest < 0) continue;
        const half = rx * Math.sqrt(rest);
        const base = GRID.columns * (j + GRID.rows * k);
        for (let i = Math.max(0, Math.ceil(c[0] - half)); i <= Math.min(GRID.columns - 1, Math.floor(c[0] + half)); i++) mask.set(base + i);
      }
    }
  }
  return mask;
}

const random = seededRandom(20240611);
/** Another reader's outline of the same shapes: centres moved up to ±1.5 voxels, radii ±1.5 voxels. */
const redrawn = (shapes: Ellipsoid[]): Ellipsoid[] =>
  shapes.map(({ c, r }) => ({
    c: c.map((v) => v + (random() * 3 - 1.5)) as [number, number, number],
    r: r.map((v, axis) => v + (random() * 3 - 1.5) * GRID.spacing[axis]) as [number, number, number],
  }));

// Lungs: three overlapping ellipsoids each; nodules: 12 of 3–8 mm radius, the third reader misses two.
const rightLung: Ellipsoid[] = [{ c: [170, 250, 150], r: [55, 80, 120] }, { c: [160, 230, 110], r: [50, 70, 80] }, { c: [180, 280, 190], r: [45, 60, 70] }];
const leftLung: Ellipsoid[] = rightLung.map(({ c, r }) => ({ c: [512 - c[0], c[1], c[2]], r: [r[0] * 0.9, r[1], r[2]] }));
const nodules: Ellipsoid[] = Array.from({ length: 12 }, (_, n) => {
  const lung = n % 2 ? rightLung[0] : leftLung[0];
  const radius = 3 + random() * 5;
  return { c: [lung.c[0] + (random() - 0.5) * 80, lung.c[1] + (random() - 0.5) * 120, lung.c[2] + (random() - 0.5) * 200], r: [radius, radius, radius] };
});

function annotation(id: string, shapes: { right: Ellipsoid[]; left: Ellipsoid[]; nodules: Ellipsoid[] }): ReviewAnnotation {
  return {
    id,
    segmentation: {
      grid: GRID,
      source: {},
      segments: [
        { number: 1, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, mask: paint(shapes.right) },
        { number: 2, label: 'Left lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Left, mask: paint(shapes.left) },
        { number: 3, label: 'Nodules', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule, mask: paint(shapes.nodules) },
      ],
    },
  };
}

const started = Date.now();
const annotations = [
  annotation('reader-1', { right: rightLung, left: leftLung, nodules }),
  annotation('reader-2', { right: redrawn(rightLung), left: redrawn(leftLung), nodules: redrawn(nodules) }),
  annotation('reader-3', { right: redrawn(rightLung), left: redrawn(leftLung), nodules: redrawn(nodules.slice(2)) }),
];
const sopDir = join(process.cwd(), 'platform-config', 'sops');
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(sopDir, name), 'utf8'));
const sop = loadSop(readJson('ct-lung-nodule.json'), readJson('sop.schema.json') as object);
console.log(`synthetic annotations built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const review = reviewCase(annotations, sop);
for (const row of review.rows) {
  console.log(
    `${row.structure.label} ${row.a}–${row.b}: ${row.verdict}${row.failed.length ? ` (${row.failed.map((f) => f.criterion).join(', ')})` : ''}; ` +
    `Dice ${row.dice?.toFixed(4)}, HD95 ${row.hd95Mm?.toFixed(2)} mm, NSD@${row.nsdToleranceMm} ${row.nsd?.toFixed(4)}, ` +
    `lesions ${row.lesions.a}/${row.lesions.b} matched ${row.lesions.matched}`,
  );
}
const [lungA, lungB] = [annotations[0].segmentation.segments[0].mask, annotations[1].segmentation.segments[0].mask];
const map = discrepancyMap(lungA, lungB);
console.log(`right lung reader-1 vs reader-2: both ${map.counts.both}, A only ${map.counts.aOnly}, B only ${map.counts.bOnly}, ${map.regions.length} regions (largest ${map.regions[0]?.voxels} voxels, ${map.regions[0]?.kind})`);

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s[s.length >> 1];
}

function time(run: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  for (let n = 0; n < WARM_UP; n++) run();
  const times: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const rows: string[][] = [];
function measure(name: string, set: string, run: () => unknown): void {
  const ms = time(run);
  rows.push([name, set, ms.toFixed(1), peakRssMb().toFixed(0), '—', '—']);
}

measure('3 annotators × 3 structures', 'reviewCase (9 comparisons: overlap, distances, lesions; verdicts)', () => reviewCase(annotations, sop));
measure('right lung, one pair', 'discrepancyMap (labels, counts, 26-connected regions)', () => discrepancyMap(lungA, lungB));

const header = ['case', 'metric set', `median ms (${RUNS} warm runs)`, 'peak RSS MB', 'target', 'result'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
