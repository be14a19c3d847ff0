// `npm run bench`: runs every packages/*/bench/*.bench.ts (bundled by esbuild for Node) one after
// the other, each printing its own table. Benchmarks, not tests: they measure, they do not fail CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The reference tool the metrics are compared with; without it the tables still print ours.
const { ensureDebianPackages } = createRequire(import.meta.url)(join(root, 'packages/server/dist/index.js'));
try {
  ensureDebianPackages([{ purpose: 'the reference timings (plastimatch)', packages: ['plastimatch'], files: ['/usr/bin/plastimatch'] }]);
} catch (error) {
  console.log(`segqc bench: ${error.message}; benchmarking without the reference tool`);
}
const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'packages'))
  .flatMap((pkg) => {
    try {
      return readdirSync(join(root, 'packages', pkg, 'bench'))
        .filter((f) => f.endsWith('.bench.ts'))
        .map((f) => join(root, 'packages', pkg, 'bench', f));
    } catch {
      return [];
    }
  })
  .filter((file) => only.length === 0 || only.some((name) => basename(file).includes(name)));

const out = mkdtempSync(join(tmpdir(), 'segqc-bench-'));
let failed = 0;
try {
  for (const bench of benches) {
    const bundle = join(out, basename(bench).replace(/\.ts$/, '.cjs'));
    const built = spawnSync(join(root, 'node_modules', '.bin', 'esbuild'), [bench, '--bundle', '--platform=node', '--target=node20', `--outfile=${bundle}`, '--log-level=warning'], { stdio: 'inherit' });
    if (built.status !== 0) {
      failed++;
      continue;
    }
    console.log(`\n## ${basename(bench, '.bench.ts')}\n`);
    const run = spawnSync(process.execPath, ['--expose-gc', bundle], { stdio: 'inherit', cwd: root });
    if (run.status !== 0) failed++;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (benches.length === 0) console.log('no benchmarks found');
process.exit(failed ? 1 : 0);
