// Agreement-metric benchmark (issue 3, "Speed"): Node 20, one thread, a 512×512×300 grid at
// 0.7×0.7×1.25 mm. Prints one table row per case and metric set: median of 5 warm runs, peak RSS
// of the process so far, the target, pass/fail. Deterministic: structures come from a seeded PRNG.
//
// Run: `npm run bench` (scripts/bench.mjs bundles this file with esbuild), or by hand:
//   node_modules/.bin/esbuild packages/core/bench/metrics.bench.ts --bundle --platform=node \
//     --target=node20 --outfile=packages/core/dist-bench/metrics.bench.cjs
//   node --expose-gc packages/core/dist-bench/metrics.bench.cjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BitMask } from '../src/volume/BitMask';
import type { VoxelGrid } from '../src/volume/VoxelGrid';
import { compareMasks } from '../src/metrics/compareMasks';
import { compareLesions } from '../src/metrics/compareLesions';
import { surface } from '../src/metrics/surface';
import { boundingBox } from '../src/metrics/boundingBox';
import { seededRandom } from '../src/metrics/metrics.fixture';

const GRID: VoxelGrid = {
  columns: 512, rows: 512, slices: 300, spacing: [0.7, 0.7, 1.25],
  origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
};
const WARM_UP = 2;
const RUNS = 5;

/** Axis-aligned ellipsoid, centre in voxels, radii in mm. */
interface Ellipsoid { c: [number, number, number]; r: [number, number, number] }

/** Rasterises the ellipsoids (union) row span by row span. */
function paint(grid: VoxelGrid, ellipsoids: Ellipsoid[]): BitMask {
  const mask = new BitMask(grid);
  const [sx, sy, sz] = grid.spacing;
  for (const { c, r } of ellipsoids) {
    const [rx, ry, rz] = [r[0] / sx, r[1] / sy, r[2] / sz];
    for (let k = Math.max(0, Math.ceil(c[2] - rz)); k <= Math.min(grid.slices - 1, Math.floor(c[2] + rz)); k++) {
      for (let j = Math.max(0, Math.ceil(c[1] - ry)); j <= Math.min(grid.rows - 1, Math.floor(c[1] + ry)); j++) {
        const rest = 1 - ((k - c[2]) / rz) ** 2 - ((j - c[1]) / ry) ** 2;
        if (rest < 0) continue;
        const half = rx * Math.sqrt(rest);
        const from = Math.max(0, Math.ceil(c[0] - half));
        const to = Math.min(grid.columns - 1, Math.floor(c[0] + half));
        const base = grid.columns * (j + grid.rows * k);
        for (let i = from; i <= to; i++) mask.set(base + i);
      }
    }
  }
  return mask;
}

/** A chain of random ellipsoids, each centred near an earlier one, until `targetVoxels`. */
function irregularStructure(random: () => number, centre: [number, number, number], radiusMm: [number, number], targetVoxels: number): Ellipsoid[] {
  const ellipsoids: Ellipsoid[] = [];
  const [sx, sy, sz] = GRID.spacing;
  for (;;) {
    const parent = ellipsoids.length ? ellipsoids[Math.floor(random() * ellipsoids.length)] : null;
    const r = [0, 1, 2].map(() => radiusMm[0] + random() * (radiusMm[1] - radiusMm[0])) as [number, number, number];
    const c: [number, number, number] = parent
      ? [parent.c[0] + ((random() - 0.5) * parent.r[0] * 1.6) / sx, parent.c[1] + ((random() - 0.5) * parent.r[1] * 1.6) / sy, parent.c[2] + ((random() - 0.5) * parent.r[2] * 1.6) / sz]
      : centre;
    ellipsoids.push({ c, r });
    if (paint(GRID, ellipsoids).count() >= targetVoxels) return ellipsoids;
  }
}

/**
 * A second annotation of the same structure: every ellipsoid's radii moved by ±1–2 voxels and its
 * centre by up to ±1 voxel, then boundary noise: a quarter of the surface voxels removed and a
 * quarter grown by one face neighbour.
 */
function perturbed(random: () => number, ellipsoids: Ellipsoid[]): BitMask {
  const [sx, sy, sz] = GRID.spacing;
  const moved = ellipsoids.map(({ c, r }) => ({
    c: [c[0] + (random() * 2 - 1), c[1] + (random() * 2 - 1), c[2] + (random() * 2 - 1)] as [number, number, number],
    r: [r[0] + (random() < 0.5 ? -1 : 1) * (1 + random()) * sx, r[1] + (random() < 0.5 ? -1 : 1) * (1 + random()) * sy, r[2] + (random() < 0.5 ? -1 : 1) * (1 + random()) * sz] as [number, number, number],
  }));
  const mask = paint(GRID, moved);
  const shell = surface(mask).indices();
  const { columns, rows } = GRID;
  const steps = [1, -1, columns, -columns, columns * rows, -columns * rows];
  for (const n of shell) {
    const u = random();
    if (u < 0.25) mask.clear(n);
    else if (u < 0.5) {
      const m = n + steps[Math.floor(random() * 6)];
      if (m >= 0 && m < columns * rows * GRID.slices) mask.set(m);
    }
  }
  return mask;
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s[s.length >> 1];
}

/**
 * Median of RUNS timed runs after WARM_UP untimed ones. Steady state, as in a worker comparing
 * segment after segment: no forced GC between runs (collections that happen are timed). With a
 * full GC forced before every run the large full set takes ~1.5× longer (cold caches, fresh pages).
 */
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

interface Row { case: string; set: string; ms: number; rss: number; target: string; pass: string }
const rows: Row[] = [];
function measure(name: string, set: string, targetMs: number | null, run: () => unknown): void {
  const ms = time(run);
  const rss = peakRssMb();
  const pass = targetMs === null ? '—' : ms <= targetMs && rss <= 600 ? 'pass' : 'FAIL';
  rows.push({ case: name, set, ms, rss, target: targetMs === null ? '—' : `≤ ${targetMs} ms, ≤ 600 MB`, pass });
}

function describe(name: string, a: BitMask, b: BitMask): string {
  const result = compareMasks(a, b);
  const box = boundingBox(a, b)!;
  const total = GRID.columns * GRID.rows * GRID.slices;
  return (
    `${name}: |A| = ${a.count()} (${((100 * a.count()) / total).toFixed(2)} %), |B| = ${b.count()}, ` +
    `surfaces ${result.a.surfaceVoxels} / ${result.b.surfaceVoxels}, box ${box.iMax - box.iMin + 1}×${box.jMax - box.jMin + 1}×${box.kMax - box.kMin + 1}; ` +
    `Dice ${result.dice.toFixed(4)}, HD ${result.hdMm?.toFixed(2)} mm, HD95 ${result.hd95Mm?.toFixed(2)} mm, ASSD ${result.assdMm?.toFixed(3)} mm, ` +
    `NSD@1 ${result.nsd['1']?.toFixed(4)}, NSD@2 ${result.nsd['2']?.toFixed(4)}`
  );
}

const random = seededRandom(20240603);
const started = Date.now();
const largeShape = irregularStructure(random, [256, 256, 150], [12, 40], 0.04 * 512 * 512 * 300);
const largeA = paint(GRID, largeShape);
const largeB = perturbed(random, largeShape);
const noduleShape = irregularStructure(random, [180, 300, 120], [2.5, 4], 480);
const noduleA = paint(GRID, noduleShape);
const noduleB = perturbed(random, noduleShape);
// Hard case for the surface search: the same structure moved 25 mm, so most surface voxels have
// no counterpart in the neighbour ball and go to the k-d tree.
const shiftedWords = new Uint32Array(largeA.words.length);
const shift = (20 * GRID.columns * GRID.rows) / 32; // 20 slices = 25 mm
shiftedWords.set(largeA.words.subarray(0, largeA.words.length - shift), shift);
const largeShifted = new BitMask(GRID, shiftedWords);
// Lesion level: 40 nodules of 3–8 mm; B misses 4 and adds 3 of its own.
const nodulesA: Ellipsoid[][] = [];
for (let n = 0; n < 40; n++) {
  const c: [number, number, number] = [60 + random() * 390, 60 + random() * 390, 30 + random() * 240];
  nodulesA.push(irregularStructure(random, c, [1.5, 4], 100 + random() * 2000));
}
const nodulesB = nodulesA.slice(4).concat(Array.from({ length: 3 }, () => irregularStructure(random, [60 + random() * 390, 60 + random() * 390, 30 + random() * 240], [1.5, 4], 300)));
const manyA = paint(GRID, nodulesA.flat());
const manyB = perturbed(random, nodulesB.flat());
console.log(`synthetic structures built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(describe('large', largeA, largeB));
console.log(describe('nodule', noduleA, noduleB));
console.log(describe('large vs itself 25 mm away', largeA, largeShifted));
const lesions = compareLesions(manyA, manyB);
console.log(`40 nodules: lesions A ${lesions.a.lesions} / B ${lesions.b.lesions}, matched ${lesions.matched}, A extra ${lesions.a.extra}, B extra ${lesions.b.extra}, F1 ${lesions.f1.toFixed(3)}`);

measure('large structure', 'Dice, Jaccard, volumes', 15, () => compareMasks(largeA, largeB, { distances: false }));
measure('large structure', 'full (+HD, HD95, ASSD, NSD@1,2)', 300, () => compareMasks(largeA, largeB));
measure('large structure', 'full, HD95 directed-max', null, () => compareMasks(largeA, largeB, { hd95: 'directed-max' }));
measure('nodule', 'Dice, Jaccard, volumes', 15, () => compareMasks(noduleA, noduleB, { distances: false }));
measure('nodule', 'full (+HD, HD95, ASSD, NSD@1,2)', 20, () => compareMasks(noduleA, noduleB));
measure('large vs itself 25 mm away', 'full (large distances: most voxels beyond the ball)', null, () => compareMasks(largeA, largeShifted));
measure('large structure', 'lesions (26-CC, matching, per-lesion Dice/HD95)', null, () => compareLesions(largeA, largeB));
measure('40 nodules; B: 4 missed, 3 added', 'lesions (26-CC, matching, per-lesion Dice/HD95)', null, () => compareLesions(manyA, manyB));

/**
 * The same volumes through plastimatch 1.9 (`plastimatch dice --all`, ITK underneath), when it is
 * on the PATH (Debian: apt-get install plastimatch): wall time including reading two NRRD files,
 * which is how it is used; its Dice must equal ours.
 */
function plastimatchComparison(a: BitMask, b: BitMask, ourMs: number): void {
  if (spawnSync('plastimatch', ['--version']).status !== 0) {
    console.log('\nplastimatch not found on the PATH: no comparison (Debian: apt-get install plastimatch)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'segqc-plastimatch-'));
  try {
    const files = [join(dir, 'a.nrrd'), join(dir, 'b.nrrd')];
    [a, b].forEach((mask, n) => writeNrrd(files[n], mask));
    const start = process.hrtime.bigint();
    const run = spawnSync('plastimatch', ['dice', '--all', files[0], files[1]], { encoding: 'utf8' });
    const theirMs = Number(process.hrtime.bigint() - start) / 1e6;
    const lines = run.stdout.split('\n').filter((l) => /DICE|HAUSDORFF|AVG|BOUNDARY/i.test(l)).map((l) => `    ${l.trim()}`);
    console.log(`\nplastimatch dice --all on the large structure: ${theirMs.toFixed(0)} ms (one run, incl. reading 2 × 79 MB NRRD); ours (full set) ${ourMs.toFixed(1)} ms; ratio ${(theirMs / ourMs).toFixed(0)}×`);
    console.log(lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A mask as an 8-bit NRRD on the grid (axis-aligned, LPS). */
function writeNrrd(path: string, mask: BitMask): void {
  const { columns, rows, slices, spacing } = mask.grid;
  const header = [
    'NRRD0004', 'type: uchar', 'dimension: 3', 'space: left-posterior-superior', `sizes: ${columns} ${rows} ${slices}`,
    `space directions: (${spacing[0]},0,0) (0,${spacing[1]},0) (0,0,${spacing[2]})`, 'kinds: domain domain domain',
    'endian: little', 'encoding: raw', 'space origin: (0,0,0)', '', '',
  ].join('\n');
  const voxels = new Uint8Array(columns * rows * slices);
  for (const n of mask.indices()) voxels[n] = 1;
  writeFileSync(path, Buffer.concat([Buffer.from(header, 'latin1'), voxels]));
}

plastimatchComparison(largeA, largeB, rows[1].ms);

const header = ['case', 'metric set', 'median ms (5 warm runs)', 'peak RSS MB', 'target', 'result'];
const table = rows.map((r) => [r.case, r.set, r.ms.toFixed(1), r.rss.toFixed(0), r.target, r.pass]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
