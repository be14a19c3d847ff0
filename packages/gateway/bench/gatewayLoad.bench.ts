// DICOMweb gateway load benchmark: what the gateway costs a viewer opening a real-size case. A CT
// series of 300 slices of 512×512 16-bit (150 MB) and three annotators' BINARY SEGs of two lungs on
// every slice (~19 MB each) are stored in a fresh embedded Orthanc; then the requests a viewer makes
// for the case are replayed: QIDO-RS study, series and instances, the series metadata (one after the
// other: each needs the one before), then the three SEGs whole and the 300 frames (WADO-RS) from 32
// concurrent keep-alive connections. Once straight to Orthanc (with its credential), once through
// the gateway (which adds it), alternating, WARM_UP_ROUNDS each and then ROUNDS each, so both
// paths see the same machine state. Every body is read to its end and counted; both paths must
// return the same bytes. The gateway runs in a child process: its RSS is sampled every 100 ms and
// its CPU time read, from /proc.
//
// Targets: gateway throughput ≥ 0.90 × direct, gateway p95 ≤ 1.2 × direct, and its RSS growth under
// load far below the data it moves (bulk data streamed, never buffered whole). Measured, not
// enforced. Run from the repository root: `npm run bench gatewayLoad` (Linux: reads /proc).
import { Agent, get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePart10 } from '../../core/src/dicom/part10';
import { uidFromName } from '../../core/src/dicom/uid';
import { SCT } from '../../core/src/codes/sct';
import { buildBinarySeg } from '../../core/src/seg/buildBinarySeg';
import type { SegmentDescriptionInit } from '../../core/src/seg/SegmentDescription';
import { sourceImageFiles } from '../../core/src/seg/sourceFiles.fixture';
import { syntheticSeries, type SyntheticSeries } from '../../core/src/seg/syntheticSource.fixture';
import { ORTHANC, ensureDebianPackages } from '../../server/src/debianPackages';
import { startEmbeddedOrthanc, type EmbeddedOrthanc } from '../../server/src/embeddedOrthanc';
import { stowInstances } from '../../server/src/stowRs';
import { GATEWAY_PROCESS_FLAG, serveGatewayToParent, startGatewayProcess, type GatewayProcess } from './gatewayProcess';

const CLIENTS = 32;
const WARM_UP_ROUNDS = 2;
const ROUNDS = 5;
const STOW_BATCH = 30;
const RSS_SAMPLE_MS = 100;
const TARGET_THROUGHPUT_RATIO = 0.9;
const TARGET_P95_RATIO = 1.2;
/**
 * RSS growth allowed under load, as a share of the bytes one round moves: holding the answers in
 * flight whole (3 SEGs and 29 frames at the start of the bulk phase) would take about a third.
 */
const TARGET_RSS_GROWTH_SHARE = 0.25;

const LUNGS: SegmentDescriptionInit[] = [
  { segmentNumber: 1, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, algorithmType: 'MANUAL', color: [80, 160, 220] },
  { segmentNumber: 2, label: 'Left lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Left, algorithmType: 'MANUAL', color: [220, 160, 80] },
];

const MB = 2 ** 20;
const ACCEPT_JSON = 'application/dicom+json';
const ACCEPT_FRAME = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';
const ACCEPT_INSTANCE = 'multipart/related; type="application/dicom"; transfer-syntax=*';

interface ViewerCase {
  files: Uint8Array[];
  study: string;
  ctSeries: string;
  ctInstances: string[];
  segs: { series: string; instance: string }[];
}

interface Target {
  name: string;
  dicomwebUrl: string;
  headers: Record<string, string>;
  agent: Agent;
}

/** What a request is for: the study browser's queries and the metadata, a SEG, a CT frame. */
type RequestKind = 'query' | 'seg' | 'frame';
const KIND_NAMES: Record<RequestKind, string> = { query: 'QIDO-RS + series metadata', seg: 'SEG instance (~19 MB)', frame: 'CT frame (512 KB)' };

interface Round {
  ms: number;
  bytes: number;
  latenciesMs: Record<RequestKind, number[]>;
}

async function main(): Promise<void> {
  ensureDebianPackages([ORTHANC]);
  let started = Date.now();
  const viewerCase = syntheticCase();
  const caseBytes = viewerCase.files.reduce((sum, file) => sum + file.length, 0);
  console.log(`case: ${viewerCase.files.length} instances, ${(caseBytes / MB).toFixed(0)} MB, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const storageDir = mkdtempSync(join(tmpdir(), 'segqc-bench-orthanc-'));
  const running: { orthanc?: EmbeddedOrthanc; gateway?: GatewayProcess } = {};
  const agents = { direct: keepAliveAgent(), gateway: keepAliveAgent() };
  try {
    // bench.mjs runs from the repository root; paths.ts would resolve from the bundle's folder.
    const orthanc = (running.orthanc = await startEmbeddedOrthanc({ baseConfigFile: join(process.cwd(), 'platform-config', 'orthanc', 'orthanc.json'), storageDir }));
    started = Date.now();
    const credential = { Authorization: orthanc.authorization };
    for (let first = 0; first < viewerCase.files.length; first += STOW_BATCH) {
      await stowInstances(orthanc.dicomwebUrl, viewerCase.files.slice(first, first + STOW_BATCH), credential);
    }
    console.log(`stored in the embedded Orthanc in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const gateway = (running.gateway = await startGatewayProcess({ upstream: orthanc.dicomwebUrl, upstreamAuthorization: orthanc.authorization }));
    const idle = gateway.usage().rssBytes;
    const direct: Target = { name: 'direct to Orthanc', dicomwebUrl: orthanc.dicomwebUrl, headers: credential, agent: agents.direct };
    const gatewayed: Target = { name: 'through the gateway', dicomwebUrl: gateway.dicomwebUrl, headers: {}, agent: agents.gateway };

    // The gateway's throughput still rises in its second round (JIT, heap sizing): two warm-ups each.
    const warmUp: Round[] = [];
    for (let round = 0; round < WARM_UP_ROUNDS; round++) warmUp.push(await replay(direct, viewerCase), await replay(gatewayed, viewerCase));
    const baseline = gateway.usage();
    const rounds = new Map<Target, Round[]>([[direct, []], [gatewayed, []]]);
    const roundPeaks: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.get(direct)!.push(await replay(direct, viewerCase));
      const samples = [gateway.usage().rssBytes];
      const sampler = setInterval(() => samples.push(gateway.usage().rssBytes), RSS_SAMPLE_MS);
      rounds.get(gatewayed)!.push(await replay(gatewayed, viewerCase));
      clearInterval(sampler);
      roundPeaks.push(Math.max(...samples, gateway.usage().rssBytes));
    }
    const end = gateway.usage();

    const allRounds = [...warmUp, ...rounds.get(direct)!, ...rounds.get(gatewayed)!];
    const bytesPerRound = allRounds[0].bytes;
    if (allRounds.some((round) => round.bytes !== bytesPerRound)) {
      throw new Error(`the paths returned different bytes per round: ${allRounds.map((round) => round.bytes).join(', ')}`);
    }
    printResults(rounds, bytesPerRound);
    printMemory({ idle, baseline: baseline.rssBytes, roundPeaks, lifetimePeak: end.peakRssBytes, cpuSecondsPerRound: (end.cpuSeconds - baseline.cpuSeconds) / ROUNDS, bytesPerRound });
  } finally {
    agents.direct.destroy();
    agents.gateway.destroy();
    await running.gateway?.stop();
    await running.orthanc?.stop();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

/**
 * The case: `syntheticSeries`' CT on a 512×512×300 grid of 0.7×0.7×1.25 mm (flat pixels, Part 10
 * by `sourceImageFiles`), and per annotator a BINARY SEG of two lungs, each drawn a few voxels
 * apart from the others' and reaching every slice, so each SEG holds 600 frames.
 */
function syntheticCase(): ViewerCase {
  const series = syntheticSeries({ name: 'gateway-load', rows: 512, columns: 512, slices: 300, spacing: [0.7, 0.7], thickness: 1.25 });
  const files = sourceImageFiles(series.images);
  const first = series.images[0];
  const segs = ['Rivera^Ana', 'Chen^Wei', 'Okafor^Ngozi'].map((name, reader) => {
    const login = name.split('^')[0].toLowerCase();
    const shift = 4 * (reader - 1);
    const labels = new Uint8Array(series.rows * series.columns * series.slices);
    paintEllipsoid(labels, series, 1, [250 + shift, 170 - shift, 150], [130 + shift, 78, 170]);
    paintEllipsoid(labels, series, 2, [250 - shift, 342 + shift, 150], [130 - shift, 72, 170]);
    const seg = {
      series: uidFromName(`gateway-load/seg/${login}/series`),
      instance: uidFromName(`gateway-load/seg/${login}/instance`),
    };
    files.push(writePart10(buildBinarySeg({
      sourceImages: series.images,
      segments: LUNGS,
      frames: LUNGS.map(({ segmentNumber }) => ({ segmentNumber, mask: labels, label: segmentNumber })),
      creator: { name, login },
      contentLabel: 'ANNOTATION',
      contentDescription: `Annotation by ${login}`,
      contentDate: '20240301',
      contentTime: `09${String(reader).padStart(2, '0')}00`,
      seriesInstanceUID: seg.series,
      sopInstanceUID: seg.instance,
      seriesNumber: 300 + reader,
      seriesDescription: `Lungs (${login})`,
      equipment: { manufacturerModelName: 'SegQC bench', softwareVersions: '0.1.0', deviceSerialNumber: 'gateway-load', institutionName: 'SegQC Bench Hospital' },
    })));
    return seg;
  });
  return { files, study: first.StudyInstanceUID, ctSeries: first.SeriesInstanceUID, ctInstances: series.images.map((image) => image.SOPInstanceUID), segs };
}

/** Writes `label` into an axis-aligned ellipsoid given in voxels (row, column, slice), row span by row span. */
function paintEllipsoid(labels: Uint8Array, series: SyntheticSeries, label: number, centre: [number, number, number], radii: [number, number, number]): void {
  const [cr, cc, ck] = centre;
  const [rr, rc, rk] = radii;
  for (let k = Math.max(0, Math.ceil(ck - rk)); k <= Math.min(series.slices - 1, Math.floor(ck + rk)); k++) {
    for (let r = Math.max(0, Math.ceil(cr - rr)); r <= Math.min(series.rows - 1, Math.floor(cr + rr)); r++) {
      const rest = 1 - ((k - ck) / rk) ** 2 - ((r - cr) / rr) ** 2;
      if (rest < 0) continue;
      const half = rc * Math.sqrt(rest);
      const row = (k * series.rows + r) * series.columns;
      labels.fill(label, row + Math.max(0, Math.ceil(cc - half)), row + Math.min(series.columns - 1, Math.floor(cc + half)) + 1);
    }
  }
}

function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: CLIENTS });
}

/** One viewer opening the case; every answer read to its end. */
async function replay(target: Target, viewerCase: ViewerCase): Promise<Round> {
  const { study, ctSeries } = viewerCase;
  const latenciesMs: Record<RequestKind, number[]> = { query: [], seg: [], frame: [] };
  let bytes = 0;
  const fetchAll = async ([kind, path, accept]: Request) => {
    const started = performance.now();
    const length = await bodyLength(target, path, accept);
    latenciesMs[kind].push(performance.now() - started);
    bytes += length;
  };
  const started = performance.now();
  // Study list, series list, the viewport's instance list and metadata: each waits for the one before.
  await fetchAll(['query', `/studies?StudyInstanceUID=${study}`, ACCEPT_JSON]);
  await fetchAll(['query', `/studies/${study}/series`, ACCEPT_JSON]);
  await fetchAll(['query', `/studies/${study}/series/${ctSeries}/instances`, ACCEPT_JSON]);
  await fetchAll(['query', `/studies/${study}/series/${ctSeries}/metadata`, ACCEPT_JSON]);
  const bulk: Request[] = [
    ...viewerCase.segs.map(({ series, instance }): Request => ['seg', `/studies/${study}/series/${series}/instances/${instance}`, ACCEPT_INSTANCE]),
    ...viewerCase.ctInstances.map((instance): Request => ['frame', `/studies/${study}/series/${ctSeries}/instances/${instance}/frames/1`, ACCEPT_FRAME]),
  ];
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let next = bulk.shift(); next; next = bulk.shift()) await fetchAll(next);
  }));
  return { ms: performance.now() - started, bytes, latenciesMs };
}

type Request = [kind: RequestKind, path: string, accept: string];

function bodyLength(target: Target, path: string, accept: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(`${target.dicomwebUrl}${path}`, { agent: target.agent, headers: { ...target.headers, Accept: accept } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${target.name}: ${path} answered ${response.statusCode}`));
        return;
      }
      let length = 0;
      response.on('data', (chunk: Buffer) => (length += chunk.length));
      response.once('end', () => resolve(length));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sortedLatencies = (rounds: Round[], kinds: RequestKind[]): number[] =>
  rounds.flatMap((round) => kinds.flatMap((kind) => round.latenciesMs[kind])).sort((a, b) => a - b);

interface PathSummary {
  requests: number;
  bytes: number;
  mbPerS: number;
  requestsPerS: number;
  roundMbPerS: number[];
  p50: number;
  p95: number;
  p99: number;
}

function summarize(rounds: Round[]): PathSummary {
  const seconds = rounds.reduce((sum, round) => sum + round.ms, 0) / 1000;
  const bytes = rounds.reduce((sum, round) => sum + round.bytes, 0);
  const latencies = sortedLatencies(rounds, ['query', 'seg', 'frame']);
  return {
    requests: latencies.length,
    bytes,
    mbPerS: bytes / MB / seconds,
    requestsPerS: latencies.length / seconds,
    roundMbPerS: rounds.map((round) => round.bytes / MB / (round.ms / 1000)),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

function printResults(rounds: Map<Target, Round[]>, bytesPerRound: number): void {
  const summaries = [...rounds].map(([target, measured]) => ({ target, ...summarize(measured) }));
  console.log(`\n${ROUNDS} rounds per path after ${WARM_UP_ROUNDS} warm-up rounds each, ${CLIENTS} concurrent clients; ${summaries[0].requests / ROUNDS} requests and ${mb(bytesPerRound)} MB per round, the same bytes on both paths`);
  console.log(table(
    ['path', 'requests', 'MB', 'MB/s', 'MB/s per round', 'requests/s', 'p50 ms', 'p95 ms', 'p99 ms'],
    summaries.map((s) => [
      s.target.name, String(s.requests), mb(s.bytes), s.mbPerS.toFixed(0), s.roundMbPerS.map((v) => v.toFixed(0)).join(', '),
      s.requestsPerS.toFixed(0), s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1),
    ]),
  ));

  const [direct, gateway] = summaries;
  const throughput = gateway.mbPerS / direct.mbPerS;
  const p95 = gateway.p95 / direct.p95;
  const row = (metric: string, value: number, target?: { text: string; met: boolean }) =>
    [metric, value.toFixed(2), target?.text ?? '—', target ? (target.met ? 'yes' : 'no') : '—'];
  console.log(table(['gateway / direct', 'ratio', 'target', 'target met'], [
    row('throughput (MB/s)', throughput, { text: `≥ ${TARGET_THROUGHPUT_RATIO.toFixed(2)}`, met: throughput >= TARGET_THROUGHPUT_RATIO }),
    row('requests/s', gateway.requestsPerS / direct.requestsPerS),
    row('p50 latency', gateway.p50 / direct.p50),
    row('p95 latency', p95, { text: `≤ ${TARGET_P95_RATIO.toFixed(2)}`, met: p95 <= TARGET_P95_RATIO }),
    row('p99 latency', gateway.p99 / direct.p99),
  ]));

  // Where the difference lies: the small sequential answers or the bulk.
  const [directRounds, gatewayRounds] = [...rounds.values()];
  console.log(table(
    ['request', 'per round', 'direct p50 ms', 'gateway p50 ms', 'direct p95 ms', 'gateway p95 ms'],
    (Object.keys(KIND_NAMES) as RequestKind[]).map((kind) => {
      const [d, g] = [sortedLatencies(directRounds, [kind]), sortedLatencies(gatewayRounds, [kind])];
      return [KIND_NAMES[kind], String(d.length / ROUNDS), percentile(d, 50).toFixed(1), percentile(g, 50).toFixed(1), percentile(d, 95).toFixed(1), percentile(g, 95).toFixed(1)];
    }),
  ));
}

function printMemory(memory: { idle: number; baseline: number; roundPeaks: number[]; lifetimePeak: number; cpuSecondsPerRound: number; bytesPerRound: number }): void {
  const peak = Math.max(...memory.roundPeaks);
  const growth = peak - memory.baseline;
  const allowed = TARGET_RSS_GROWTH_SHARE * memory.bytesPerRound;
  console.log(`\ngateway process: RSS sampled every ${RSS_SAMPLE_MS} ms during its rounds, baseline when idle after the warm-ups; CPU over its ${ROUNDS} rounds`);
  console.log(table(
    ['idle MB', 'baseline MB', 'peak MB per round', 'peak − baseline MB', 'VmHWM MB', 'data per round MB', 'target', 'target met', 'CPU s per round'],
    [[
      mb(memory.idle), mb(memory.baseline), memory.roundPeaks.map(mb).join(', '), (growth / MB).toFixed(1), mb(memory.lifetimePeak), mb(memory.bytesPerRound),
      `≤ ${mb(allowed)} (${100 * TARGET_RSS_GROWTH_SHARE} %)`, growth <= allowed ? 'yes' : 'no', memory.cpuSecondsPerRound.toFixed(2),
    ]],
  ));
}

const mb = (bytes: number): string => (bytes / MB).toFixed(0);

function table(titles: string[], rows: string[][]): string {
  const widths = titles.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return ['', line(titles), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (process.argv.includes(GATEWAY_PROCESS_FLAG)) serveGatewayToParent();
else main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
