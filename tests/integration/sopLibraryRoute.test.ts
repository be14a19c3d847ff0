/**
 * The SOP library route of the host server (`npm start`): GET /segqc/sops/ answers the folder in
 * nginx's `autoindex_format json` shape (what platform-config/nginx/segqc.conf serves), each file is
 * served as it is on disk, nothing outside the folder can be reached, and SEGQC_SOP_DIR names
 * another folder. The viewer's own loader (extension fetchSopLibrary) reads it over HTTP.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJsonSha256 } from '@segqc/core';
import { createHostServer, listen, paths } from '@segqc/server';
import { SopLibraryUnavailableError, fetchSopLibrary } from '../../extensions/segmentation-qc/src/sop/fetchSopLibrary';

const REPO_SOPS = join(__dirname, '..', '..', 'platform-config', 'sops');
const REPO_ROOT_FILE = readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8');

async function startHost(sopDir?: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const app = await createHostServer({
    viewerDir: paths.viewerDir,
    appConfigFile: paths.appConfigFile,
    bundleDirs: paths.bundleDirs,
    // Never reached: these tests do not touch /dicom-web.
    dicomwebUpstream: new URL('http://127.0.0.1:9/dicom-web'),
    keepHostHeader: true,
    ...(sopDir ? { sopDir } : {}),
  });
  await listen(app, 0, '127.0.0.1');
  return { baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, stop: () => app.close() };
}

/** A raw request, so that the path is sent exactly as written (fetch would normalize `..`). */
function rawGet(baseUrl: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** nginx's autoindex json entries for a folder: directories first, then files, by name; mtime an HTTP date. */
function expectedListing(dir: string): object[] {
  const entries = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => {
      const stats = statSync(join(dir, name));
      const mtime = new Date(Math.floor(stats.mtimeMs / 1000) * 1000).toUTCString();
      return stats.isDirectory() ? { name, type: 'directory', mtime } : { name, type: 'file', mtime, size: stats.size };
    });
  const order = (a: { name: string; type: string }, b: { name: string; type: string }) =>
    a.type === b.type ? Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) : a.type === 'directory' ? -1 : 1;
  return entries.sort(order);
}

describe('the default folder, platform-config/sops', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  const savedEnv = process.env.SEGQC_SOP_DIR;
  beforeAll(async () => {
    delete process.env.SEGQC_SOP_DIR;
    host = await startHost();
  });
  afterAll(async () => {
    await host.stop();
    if (savedEnv !== undefined) process.env.SEGQC_SOP_DIR = savedEnv;
  });

  test('the listing is nginx autoindex JSON of the folder', async () => {
    const response = await fetch(`${host.baseUrl}/segqc/sops/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const listing = (await response.json()) as Array<{ name: string; mtime: string }>;
    expect(listing).toEqual(expectedListing(REPO_SOPS));
    expect(listing.map((entry) => entry.name)).toEqual(expect.arrayContaining(['ct-lung-nodule.json', 'mr-brain-flair-lesion.json', 'mr-t1-postcontrast.json', 'sop.schema.json']));
    expect(listing[0].mtime).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
  });

  test('each file is served byte for byte as JSON, with a 404 for a missing one', async () => {
    const response = await fetch(`${host.baseUrl}/segqc/sops/ct-lung-nodule.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(readFileSync(join(REPO_SOPS, 'ct-lung-nodule.json'), 'utf8'));
    expect((await rawGet(host.baseUrl, '/segqc/sops/missing.json')).status).toBe(404);
  });

  test.each([
    '/segqc/sops/..%2f..%2fpackage.json',
    '/segqc/sops/..%2F..%2F..%2Fpackage.json',
    '/segqc/sops/%2e%2e%2f%2e%2e%2fpackage.json',
    '/segqc/sops/..%5c..%5cpackage.json',
    '/segqc/sops/%2fetc%2fpasswd',
    '/segqc/sops/..',
    '/segqc/sops/%2e%2e',
    '/segqc/sops/../../package.json',
    '/segqc/sops/%2e%2e/%2e%2e/package.json',
    '/segqc/sops/%00ct-lung-nodule.json',
    '/segqc/sops/%E0%A4%A',
  ])('no way out of the folder: %s', async (path) => {
    const { status, body } = await rawGet(host.baseUrl, path);
    // Encoded separators and dot segments are refused before routing (400), the rest is not found.
    expect([400, 404]).toContain(status);
    expect(body).not.toBe(REPO_ROOT_FILE);
    expect(body).not.toContain('root:');
  });

  test('the library is read-only', async () => {
    const { status, headers } = await rawGet(host.baseUrl, '/segqc/sops/ct-lung-nodule.json', 'PUT');
    expect([status, headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  test("the viewer's loader reads the whole library from the server", async () => {
    const library = await fetchSopLibrary(`${host.baseUrl}/segqc/sops/`);
    expect(library.failures).toEqual([]);
    expect(library.sops.map((sop) => [sop.id, sop.reference.sha256])).toEqual(
      ['ct-lung-nodule', 'mr-brain-flair-lesion', 'mr-t1-postcontrast'].map((id) => [id, canonicalJsonSha256(JSON.parse(readFileSync(join(REPO_SOPS, `${id}.json`), 'utf8')))]),
    );
  });
});

describe('SEGQC_SOP_DIR', () => {
  let dir: string;
  let host: Awaited<ReturnType<typeof startHost>>;
  const savedEnv = process.env.SEGQC_SOP_DIR;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segqc-sops-'));
    writeFileSync(join(dir, 'sop.schema.json'), readFileSync(join(REPO_SOPS, 'sop.schema.json')));
    writeFileSync(join(dir, 'mr-brain-flair-lesion.json'), readFileSync(join(REPO_SOPS, 'mr-brain-flair-lesion.json')));
    const broken = JSON.parse(readFileSync(join(REPO_SOPS, 'mr-t1-postcontrast.json'), 'utf8'));
    broken.structures[0].thresholds.maxHd95Mm = 0;
    writeFileSync(join(dir, 'mr-t1-postcontrast.json'), JSON.stringify(broken, null, 2));
    writeFileSync(join(dir, '.draft.json'), '{}');
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', 'old.json'), '{}');
    process.env.SEGQC_SOP_DIR = dir;
    host = await startHost();
  });
  afterAll(async () => {
    await host.stop();
    if (savedEnv === undefined) delete process.env.SEGQC_SOP_DIR;
    else process.env.SEGQC_SOP_DIR = savedEnv;
    rmSync(dir, { recursive: true, force: true });
  });

  test('names the folder served: directories listed first, hidden files neither listed nor served, sub-folders not served', async () => {
    const listing = (await (await fetch(`${host.baseUrl}/segqc/sops/`)).json()) as Array<{ name: string; type: string }>;
    expect(listing).toEqual(expectedListing(dir));
    expect(listing.map((entry) => [entry.name, entry.type])).toEqual([
      ['archive', 'directory'], ['mr-brain-flair-lesion.json', 'file'], ['mr-t1-postcontrast.json', 'file'], ['sop.schema.json', 'file'],
    ]);
    expect((await rawGet(host.baseUrl, '/segqc/sops/.draft.json')).status).toBe(404);
    expect((await rawGet(host.baseUrl, '/segqc/sops/archive/old.json')).status).toBe(404);
    expect((await rawGet(host.baseUrl, '/segqc/sops/archive%2fold.json')).status).toBe(400);
  });

  test("the viewer's loader gets the valid SOP and the broken one's field", async () => {
    const library = await fetchSopLibrary(`${host.baseUrl}/segqc/sops/`);
    expect(library.sops.map((sop) => sop.id)).toEqual(['mr-brain-flair-lesion']);
    expect(library.failures).toEqual([
      { file: 'mr-t1-postcontrast.json', error: 'structures[0].thresholds.maxHd95Mm: 0 must be greater than 0', fields: ['structures[0].thresholds.maxHd95Mm'] },
    ]);
  });

  test('an explicit sopDir option wins; a missing folder is a 404 listing and an unavailable library', async () => {
    const missing = await startHost(join(dir, 'does-not-exist'));
    try {
      const listing = await rawGet(missing.baseUrl, '/segqc/sops/');
      expect(listing.status).toBe(404);
      expect(listing.body).not.toContain(dir);
      await expect(fetchSopLibrary(`${missing.baseUrl}/segqc/sops/`)).rejects.toThrow(SopLibraryUnavailableError);
    } finally {
      await missing.stop();
    }
  });
});
