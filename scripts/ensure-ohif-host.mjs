// Unpacks the prebuilt OHIF viewer (dist/ of the npm package @ohif/app, pinned) into .ohif-host/.
// `npm install @ohif/app` cannot resolve its dependencies on our registry and we need none of
// them, so the tarball is fetched with `npm pack` (no dependency resolution) and checked
// against the pinned integrity before anything is unpacked. Repeat runs reuse the folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OHIF_APP_VERSION = '3.13.2';
const INTEGRITY = 'sha512-WZdxmpmG7rqFgW9ZJLcbgr3XCtLi1KDNPoMaeY5PPe6j4G4fjEjjkycZM6C6Zk2F87BKxFfpq+jd5xXZB9E8EA==';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hostDir = join(root, '.ohif-host');
const stamp = join(hostDir, 'VERSION');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === `${OHIF_APP_VERSION} ${INTEGRITY}`) process.exit(0);

console.log(`segqc: fetching the prebuilt OHIF viewer @ohif/app@${OHIF_APP_VERSION} (npm pack) ...`);
const work = mkdtempSync(join(tmpdir(), 'segqc-ohif-'));
try {
  const out = execFileSync('npm', ['pack', `@ohif/app@${OHIF_APP_VERSION}`, '--json', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename }] = JSON.parse(out);
  const tarball = join(work, filename);
  const actual = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
  if (actual !== INTEGRITY) {
    console.error(`segqc: @ohif/app@${OHIF_APP_VERSION} tarball integrity ${actual} does not match the pinned ${INTEGRITY}; refusing to use it.`);
    process.exit(1);
  }
  const unpack = join(work, 'unpacked');
  mkdirSync(unpack);
  execFileSync('tar', ['-xzf', tarball, '-C', unpack, 'package/dist']);
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir);
  renameSync(join(unpack, 'package', 'dist'), join(hostDir, 'dist'));
  writeFileSync(stamp, `${OHIF_APP_VERSION} ${INTEGRITY}\n`);
  console.log(`segqc: OHIF viewer ${OHIF_APP_VERSION} ready in .ohif-host/dist`);
} catch (e) {
  console.error(`segqc: could not fetch @ohif/app@${OHIF_APP_VERSION} from the npm registry (${e.message.split('\n')[0]}). Check the registry is reachable and run \`npm run postinstall\` again.`);
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
