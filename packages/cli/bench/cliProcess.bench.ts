// Whole-process benchmark of the CLI (issue 16): what a user waits for, start-up included.
//  - `segqc compare A B` of two 512 × 512 × 300 label volumes (lungs and nodules, chestLabelVolumes),
//    raw and gzip NRRD, run in turn with `plastimatch dice --all A B` on the same files; target: at
//    least 4× faster (the median of the paired ratios ≤ 0.25). Our Dice is checked against plastimatch's.
//  - `segqc seg` of the gzip volume on its 300-slice CT series (written here); target ≤ 2 s.
// Prints a markdown table: median, min and max seconds of RUNS runs after a warm-up. Needs the built
// CLI (`npm run bench` builds first); without plastimatch on the PATH it prints ours alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chestLabelVolumes, LABELS } from './chestLabelVolumes';
import { crossLabelledVoxels, overlapFromCompareJson, overlapFromPlastimatch } from './foregroundOverlap';
import { labelNrrd } from './labelNrrd';
import { timePaired, timeProcess, type Command, type Timing } from './timeProcesses';
import { writeCtSeries } from './writeCtSeries';

const RUNS = 5;
const COMPARE_TARGET_RATIO = 0.25;
const SEG_TARGET_S = 2;
const cli = join(process.cwd(), 'packages', 'cli', 'bin', 'segqc.js');

const code = (value: string, scheme: string, meaning: string) => ({ value, scheme, meaning });
const LUNG = code('39607008', 'SCT', 'Lung');
const ANATOMY = code('91723000', 'SCT', 'Anatomical Structure');
const META = {
  creator: { name: 'Bench^Reader', login: 'bench', institution: 'SegQC bench' },
  contentLabel: 'ANNOTATION',
  segments: [
    { volume: 0, labelValue: LABELS.rightLung, label: 'Right lung', category: ANATOMY, type: LUNG, typeModifier: code('24028007', 'SCT', 'Right'), color: [80, 160, 220], algorithmType: 'MANUAL' },
    { volume: 0, labelValue: LABELS.leftLung, label: 'Left lung', category: ANATOMY, type: LUNG, typeModifier: code('7771000', 'SCT', 'Left'), color: [90, 200, 140], algorithmType: 'MANUAL' },
    { volume: 0, labelValue: LABELS.nodule, label: 'Lung nodule', category: code('49755003', 'SCT', 'Morphologically Abnormal Structure'), type: code('27925004', 'SCT', 'Nodule'), color: [240, 80, 60], algorithmType: 'MANUAL' },
  ],
};

const segqc = (...args: string[]): Command => ({ file: process.execPath, args: [cli, ...args] });
const plastimatchDice = (a: string, b: string): Command => ({ file: 'plastimatch', args: ['dice', '--all', a, b] });
const seconds = (t: Timing): string => `${t.medianS.toFixed(2)} (${t.minS.toFixed(2)}–${t.maxS.toFixed(2)})`;
const megabytes = (path: string): string => `${(statSync(path).size / 1e6).toFixed(1)} MB`;

if (!existsSync(join(process.cwd(), 'packages', 'cli', 'dist', 'main.js'))) {
  console.log('segqc is not built (packages/cli/dist/main.js): run `npm run bench`, which builds first');
  process.exit(1);
}
const hasPlastimatch = spawnSync('plastimatch', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'segqc-cli-bench-'));
try {
  const started = Date.now();
  const { grid, a, b } = chestLabelVolumes(20261208);
  const files = {
    raw: [join(dir, 'a.nrrd'), join(dir, 'b.nrrd')],
    gzip: [join(dir, 'a.gz.nrrd'), join(dir, 'b.gz.nrrd')],
  } as const;
  for (const encoding of ['raw', 'gzip'] as const) [a, b].forEach((labels, n) => writeFileSync(files[encoding][n], labelNrrd(grid, labels, encoding)));
  const ctDir = join(dir, 'ct');
  writeCtSeries(ctDir, grid, a);
  const metaFile = join(dir, 'meta.json');
  writeFileSync(metaFile, JSON.stringify(META));
  console.log(
    `inputs written in ${((Date.now() - started) / 1000).toFixed(1)} s: two ${grid.columns} × ${grid.rows} × ${grid.slices} label volumes ` +
      `(raw ${megabytes(files.raw[0])}, gzip ${megabytes(files.gzip[0])} each), a ${grid.slices}-slice CT series`,
  );

  const rows: string[][] = [];
  for (const encoding of ['raw', 'gzip'] as const) {
    const [fileA, fileB] = files[encoding];
    const ours = segqc('compare', fileA, fileB);
    const label = `segqc compare, ${encoding} NRRD`;
    if (hasPlastimatch) {
      const paired = timePaired(ours, plastimatchDice(fileA, fileB), RUNS);
      const pass = paired.medianRatio <= COMPARE_TARGET_RATIO;
      rows.push([label, seconds(paired.ours), seconds(paired.theirs), `${paired.medianRatio.toFixed(3)} (${(1 / paired.medianRatio).toFixed(1)}× faster)`, `≤ ${COMPARE_TARGET_RATIO} (4×)`, pass ? 'pass' : 'FAIL']);
    } else {
      rows.push([label, seconds(timeProcess(ours, RUNS)), 'plastimatch missing', '—', `≤ ${COMPARE_TARGET_RATIO} (4×)`, '—']);
    }
  }
  const seg = timeProcess(segqc('seg', files.gzip[0], '--source', ctDir, '--out', join(dir, 'seg.dcm'), '--meta', metaFile), RUNS);
  rows.push([`segqc seg, gzip NRRD on ${grid.slices} CT slices`, seconds(seg), '—', '—', `≤ ${SEG_TARGET_S} s`, seg.medianS <= SEG_TARGET_S ? 'pass' : 'FAIL']);

  const header = ['whole process', 'ours: median s (min–max)', 'plastimatch dice --all: median s (min–max)', 'ours / plastimatch, median of pairs', 'target', 'result'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(['', `${RUNS} runs each after one warm-up${hasPlastimatch ? ', ours and plastimatch in turn' : ''}:`, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));

  // The check: plastimatch's foreground figures against the sum of our per-label ones.
  if (!hasPlastimatch) {
    console.log('\nplastimatch not found on the PATH: no timing against it and no Dice check (Debian: apt-get install plastimatch)');
  } else {
    const cross = crossLabelledVoxels(a, b);
    const ourJson = spawnSync(process.execPath, [cli, 'compare', ...files.gzip, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const theirOutput = spawnSync('plastimatch', ['dice', '--all', ...files.gzip], { encoding: 'utf8' }).stdout;
    const ours = overlapFromCompareJson(ourJson.stdout);
    const theirs = overlapFromPlastimatch(theirOutput);
    const same = cross === 0 && ours.both === theirs.both && ours.a === theirs.a && ours.b === theirs.b && Math.abs(ours.dice - theirs.dice) < 5e-7;
    console.log(
      `\nDice check (foreground, the sum of segqc's per-label overlaps; ${cross} voxels labelled differently in A and B): ` +
        `segqc |A∩B| ${ours.both}, |A| ${ours.a}, |B| ${ours.b}, Dice ${ours.dice.toFixed(6)}; ` +
        `plastimatch TP ${theirs.both}, TP+FN ${theirs.a}, TP+FP ${theirs.b}, DICE ${theirs.dice}: ${same ? 'equal' : 'DIFFERENT'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
