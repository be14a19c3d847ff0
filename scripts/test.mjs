// `npm test`: builds, installs the system packages the suites need when missing (Orthanc for the
// integration and browser suites, Chromium for the browser suite, the DICOM validators for the
// conformance tests), then runs every jest project and closes with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

// The tests are type-checked too (tsc -b leaves them out of the packages' builds).
if (run('npm', ['run', 'build', '--silent']) !== 0 || run('npx', ['tsc', '-p', 'tsconfig.tests.json']) !== 0) process.exit(1);

const { ensureDebianPackages, ORTHANC, CHROMIUM, DICOM_VALIDATORS, OPENSSL, StartupError } = createRequire(import.meta.url)(join(root, 'packages/server/dist/index.js'));
try {
  ensureDebianPackages([ORTHANC, CHROMIUM, DICOM_VALIDATORS, OPENSSL]);
} catch (error) {
  console.error(error instanceof StartupError ? `segqc: ${error.message}` : error);
  process.exit(1);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
// The browser suite runs after the others so that it has both cores to itself.
const suites = [
  { projects: ['unit', 'integration'], resultsFile: join(root, 'test-results', 'jest-results.json') },
  { projects: ['browser'], resultsFile: join(root, 'test-results', 'jest-browser-results.json') },
];
let status = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const { projects, resultsFile } of suites) {
  const code = run('npx', ['jest', '--ci', '--json', `--outputFile=${resultsFile}`, '--selectProjects', ...projects, ...process.argv.slice(2)]);
  status ||= code;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    totals.passed += results.numPassedTests;
    totals.failed += results.numFailedTests;
    totals.skipped += results.numPendingTests;
  } catch {
    status ||= 1; // jest wrote no results: it could not run at all
  }
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
// A skipped test proves nothing: conformance and interop tests skip only when their tools or data are missing.
if (totals.skipped > 0) {
  console.error('segqc: tests were skipped; a skipped test fails the suite');
  status ||= 1;
}
process.exit(status);
