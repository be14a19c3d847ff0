import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@segqc/server';

// `segqc-gateway` is the gateway alone, as a production deployment runs it behind nginx in front
// of any PACS: configured by the environment, the PACS credential read from a file, a bad setting
// a one-line error. This runs the built command (npm test builds first) as a site would.
jest.setTimeout(60_000);

const MAIN = join(__dirname, '..', '..', 'packages', 'gateway', 'dist', 'main.js');
const CREDENTIAL = 'Basic c2l0ZTpzZWNyZXQ=';

let pacs: Server;
let pacsUrl: string;
let dir: string;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  pacs = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'application/dicom+json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => pacs.listen(0, '127.0.0.1', resolve));
  pacsUrl = `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/pacs/dicom-web`;
  dir = mkdtempSync(join(tmpdir(), 'segqc-gateway-command-'));
  writeFileSync(join(dir, 'pacs-authorization'), `${CREDENTIAL}\n`, { mode: 0o600 });
});
afterAll(async () => {
  pacs.closeAllConnections();
  await new Promise((resolve) => pacs.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** A GET naming `host` in its Host header (node:http sends it as given). */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { host } }, (answer) => {
      let body = '';
      answer.on('data', (chunk) => (body += chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

test('serves allow-listed DICOMweb to the configured host, with the credential from its file; nothing else', async () => {
  const port = await freePort();
  const { child, output } = run({ SEGQC_PACS_URL: pacsUrl, PORT: String(port), SEGQC_ALLOWED_HOSTS: `viewer.test:${port}`, SEGQC_PACS_AUTHORIZATION_FILE: join(dir, 'pacs-authorization') });
  try {
    for (let waited = 0; !output().includes('segqc-gateway: http://') && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output().trim()).toBe(`segqc-gateway: http://127.0.0.1:${port}/dicom-web → ${pacsUrl}`);
    // The gateway answers to the configured name only, not to its address.
    expect((await getWithHost(port, '/dicom-web/studies', `127.0.0.1:${port}`)).status).toBe(421);
    expect((await getWithHost(port, '/dicom-web/servers', `viewer.test:${port}`)).status).toBe(404);
    seen.length = 0;
    const answer = await getWithHost(port, '/dicom-web/studies?PatientID=P1', `viewer.test:${port}`);
    expect(answer).toEqual({ status: 200, body: '[]' });
    expect(seen).toEqual([{ url: '/pacs/dicom-web/studies?PatientID=P1', headers: expect.objectContaining({ authorization: CREDENTIAL }) }]);
  } finally {
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }
});

test('a missing or bad setting is a one-line error and exit code 1', async () => {
  const missing = run({});
  expect(await exited(missing.child)).toBe(1);
  expect(missing.output().trim()).toBe("segqc-gateway: SEGQC_PACS_URL is not set: the PACS's DICOMweb root, e.g. SEGQC_PACS_URL=http://127.0.0.1:8042/dicom-web");
  const secretInUrl = run({ SEGQC_PACS_URL: 'http://user:pw@127.0.0.1:8042/dicom-web' });
  expect(await exited(secretInUrl.child)).toBe(1);
  expect(secretInUrl.output().trim()).toBe('segqc-gateway: SEGQC_PACS_URL must not hold credentials: put the Authorization value in SEGQC_PACS_AUTHORIZATION_FILE');
});
