// QC overview at programme scale (issue 14: "100 cases in ≤ 3 s from a cache kept in step with the
// PACS"; issue 17 measured 10.4 s for 11 cases and 35.8 s for 67 read from the PACS). CASES cases
// (default 100: copies of the demo's eight CT cases under new UIDs, three annotators each, demo size
// 256×256×100, the adjudicated ones with their signed reports) are stored in a fresh embedded
// Orthanc behind the SegQC host server. Then, whole processes: `segqc sync` filling the case store
// (first pass: every case judged), and again with nothing changed (every study keyed by QIDO-RS,
// nothing judged); and in Chromium, from navigation to the last row, the QC overview read from the
// store (median of ROUNDS) and, for comparison, read from the PACS without a store (once).
//
// Run from the repository root: `npm run bench overviewScale` (SEGQC_BENCH_CASES=N for another size).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPart10, uidFromName, writePart10, type NaturalDataset } from '../../core/src';
import { DirectoryCaseStore } from '../../case-store/src';
import { CHROMIUM, ORTHANC, ensureDebianPackages } from '../src/debianPackages';
import { startEmbeddedOrthanc, type EmbeddedOrthanc } from '../src/embeddedOrthanc';
import { createHostServer } from '../src/hostServer';
import { listen } from '../src/listen';
import { stowInstances } from '../src/stowRs';
import type { BrowserContext } from 'playwright-core';

const CASES = Number(process.env.SEGQC_BENCH_CASES ?? 100);
const TEMPLATES = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08'];
const ROUNDS = 5;
const TARGET_SECONDS = 3;
const STOW_BATCH = 50;
// bench.mjs runs from the repository root; paths.ts would resolve from the bundle's folder.
const ROOT = process.cwd();
const DEMO_UID = /^2\.25\.\d+$/;
// Loaded from node_modules, not bundled: playwright-core reads its own package.json at run time,
// and the demo generator reads the SOP from the checkout beside its build.
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const { chromium } = requireFromRoot('playwright-core') as typeof import('playwright-core');
const { generateDemoFiles } = requireFromRoot('@segqc/demo-data') as typeof import('../../demo-data/src');

/** The dataset with every demo UID replaced by copy `n`'s own (references inside SEGs and SRs alike), and the case renamed. */
function copied(value: unknown, n: number): unknown {
  if (typeof value === 'string') return DEMO_UID.test(value) ? uidFromName(`segqc-bench/copy-${n}/${value}`) : value;
  if (Array.isArray(value)) return value.map((item) => copied(item, n));
  if (value instanceof Uint8Array || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copied(item, n)]));
  return value;
}

function* copiedCases(): Generator<Uint8Array[]> {
  const templates = new Map(TEMPLATES.map((caseId) => [caseId, [...generateDemoFiles({ cases: [caseId] })].map((file) => file.bytes)]));
  for (let n = 0; n < CASES; n++) {
    const files = templates.get(TEMPLATES[n % TEMPLATES.length]!)!;
    yield files.map((bytes) => {
      const { dataset } = readPart10(bytes);
      const copy = copied(dataset, n) as NaturalDataset;
      return writePart10({ ...copy, StudyID: `${String(dataset.StudyID)}-${String(n).padStart(3, '0')}`, AccessionNumber: `BENCH${n}` });
    });
  }
}

const seconds = (from: number) => (Date.now() - from) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `segqc sync` as its own process, timed whole; asynchronous, for the gateway it reads through runs in this process. */
function segqcSync(dicomweb: string, storeDir: string): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'packages', 'cli', 'bin', 'segqc.js'), 'sync', '--pacs', dicomweb, '--store', storeDir, '--workers', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(seconds(started)) : reject(new Error(`segqc sync failed (${code}): ${stderr}`)))));
}

async function main(): Promise<void> {
  ensureDebianPackages([ORTHANC, CHROMIUM]);
  const dir = mkdtempSync(join(tmpdir(), 'segqc-bench-overview-'));
  let orthanc: EmbeddedOrthanc | undefined;
  const servers: Array<{ close(): Promise<unknown> }> = [];
  let browser: BrowserContext | undefined;
  try {
    orthanc = await startEmbeddedOrthanc({ baseConfigFile: join(ROOT, 'platform-config', 'orthanc', 'orthanc.json'), storageDir: join(dir, 'orthanc') });
    let started = Date.now();
    let instances = 0;
    for (const files of copiedCases()) {
      for (let first = 0; first < files.length; first += STOW_BATCH) await stowInstances(orthanc.dicomwebUrl, files.slice(first, first + STOW_BATCH), { Authorization: orthanc.authorization });
      instances += files.length;
    }
    console.log(`${CASES} cases (${instances} instances) made and stored in ${seconds(started).toFixed(0)} s`);

    const storeDir = join(dir, 'cases');
    const host = async (withStore: boolean) => {
      const app = await createHostServer({
        viewerDir: join(ROOT, '.ohif-host', 'dist'),
        appConfigFile: join(ROOT, 'platform-config', 'app-config.js'),
        bundleDirs: [join(ROOT, 'extensions', 'segmentation-qc', 'dist'), join(ROOT, 'modes', 'segmentation-qc', 'dist')],
        sopDir: join(ROOT, 'platform-config', 'sops'),
        dicomwebUpstream: new URL(orthanc!.dicomwebUrl),
        upstreamAuthorization: orthanc!.authorization,
        keepHostHeader: true,
        ...(withStore ? { caseStore: new DirectoryCaseStore(storeDir) } : {}),
      });
      await listen(app, 0, '127.0.0.1');
      servers.push(app);
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    };
    const withStore = await host(true);
    const firstPass = await segqcSync(`${withStore}/dicom-web`, storeDir);
    const unchangedPass = await segqcSync(`${withStore}/dicom-web`, storeDir);

    // Debian's Chromium as the browser tests run it (tests/harness/browser.ts): headless, fresh profile, SwiftShader.
    browser = await chromium.launchPersistentContext(join(dir, 'chromium'), {
      executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 900 },
      args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const overview = async (base: string, source: 'store' | 'pacs') => {
      started = Date.now();
      await page.goto(`${base}/qc-overview`, { waitUntil: 'commit' });
      await page.locator(`[data-testid=segqc-overview][data-status=done][data-source=${source}]`).waitFor({ timeout: 1_800_000 });
      const took = seconds(started);
      const rows = await page.getByTestId('segqc-overview-row').count();
      if (rows !== CASES) throw new Error(`the overview from the ${source} lists ${rows} cases, not ${CASES}`);
      return took;
    };
    await overview(withStore, 'store'); // warm: the viewer's bundles in the browser's cache, as for a returning user
    const fromStore: number[] = [];
    for (let round = 0; round < ROUNDS; round++) fromStore.push(await overview(withStore, 'store'));
    // Each row as soon as it is measured: the comparison without a store takes minutes.
    console.log(`\n| ${CASES} cases | time | target |\n|---|---|---|`);
    const row = (what: string, time: string, target = '') => console.log(`| ${what} | ${time} | ${target} |`);
    row(`segqc sync, first pass (${CASES} cases judged, 2 workers)`, `${firstPass.toFixed(1)} s`);
    row('segqc sync, nothing changed (every study keyed, none judged)', `${unchangedPass.toFixed(1)} s`);
    row(`QC overview from the case store (median of ${ROUNDS}, navigation to last row)`, `${median(fromStore).toFixed(2)} s`, `≤ ${TARGET_SECONDS} s: ${median(fromStore) <= TARGET_SECONDS ? 'met' : 'NOT met'}`);
    row('QC overview read from the PACS, no store (once)', `${(await overview(await host(false), 'pacs')).toFixed(1)} s`);
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await orthanc?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
