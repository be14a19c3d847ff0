// SEG decoding benchmark (issue 3, "Speed"): a 300-frame 512×512 BINARY SEG written by our writer,
// decoded onto its source grid. Node 20, one thread; median of 5 warm runs and the peak RSS.
import { writePart10 } from '../src/dicom/part10';
import { buildBinarySeg } from '../src/seg/buildBinarySeg';
import { readSegmentation } from '../src/seg/read/readSegmentation';
import { readSegHeader } from '../src/seg/read/readSegHeader';
import { fixtureInput, maskFrom, syntheticSeries } from '../src/seg/syntheticSource.fixture';

const WARM_UP = 2;
const RUNS = 5;
const TARGET_MS = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  for (let n = 0; n < WARM_UP; n++) run();
  const times: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const started = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

const series = syntheticSeries({ name: 'bench', rows: 512, columns: 512, slices: 300, spacing: [0.7, 0.7], thickness: 1.25 });
const [cx, cy, cz] = series.world(256, 256, 150);
// An ellipsoid of 60 × 50 × 200 mm semi-axes: about 5 % of the grid, on every one of the 300 slices.
const mask = maskFrom(series, (x, y, z) => ((x - cx) / 60) ** 2 + ((y - cy) / 50) ** 2 + ((z - cz) / 200) ** 2 <= 1);
const input = fixtureInput(series);
const seg = writePart10(buildBinarySeg({ ...input, segments: [input.segments[0]], frames: [{ segmentNumber: 1, mask }] }));
const header = readSegHeader(seg);
const foreground = mask.reduce((n, v) => n + v, 0);

const decodeMs = time(() => readSegmentation(seg, series.images));
const headerMs = time(() => readSegHeader(seg));
const rssMb = process.memoryUsage().rss / 2 ** 20;

const rows = [
  ['BINARY SEG onto its grid', `${header.numberOfFrames} frames ${header.rows}×${header.columns}, ${((100 * foreground) / mask.length).toFixed(1)} % foreground`, decodeMs.toFixed(1), `≤ ${TARGET_MS}`, decodeMs <= TARGET_MS ? 'pass' : 'FAIL'],
  ['SEG header only', `${(seg.length / 2 ** 20).toFixed(1)} MB file`, headerMs.toFixed(1), '—', '—'],
];
const titles = ['case', 'input', 'median ms', 'target ms', 'result'];
const widths = titles.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log([line(titles), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
console.log(`peak RSS ${rssMb.toFixed(0)} MB`);
