import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@segqc/server';

// `npm start` is the user's first contact: it must start, seed once, stop everything on Ctrl-C,
// and explain a port in use or an unreachable PACS in one line. This runs the built launcher
// (npm test builds first) as a user would.
jest.setTimeout(240_000);

const START = join(__dirname, '..', '..', 'packages', 'server', 'dist', 'start.js');

function startLauncher(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [START], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

function waitFor(predicate: () => boolean, child: ChildProcess, what: string, timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (predicate()) return done(resolve);
      if (child.exitCode !== null) done(() => reject(new Error(`launcher exited (${child.exitCode}) before ${what}`)));
    }, 100);
    const timeout = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    function done(then: () => void) {
      clearInterval(timer);
      clearTimeout(timeout);
      then();
    }
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

function processesUsing(dir: string, program: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((line) => line.includes(program) && line.includes(dir));
}
const orthancProcessesUsing = (dir: string) => processesUsing(dir, 'Orthanc');
/** The case store's `segqc sync --watch` child. */
const syncProcessesUsing = (dir: string) => processesUsing(dir, 'segqc.js sync');

test('a port in use is a one-line explanation and exit code 1, with nothing left running', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const dataDir = mkdtempSync(join(tmpdir(), 'segqc-start-'));
  try {
    const { child, output } = startLauncher({ PORT: String(port), SEGQC_DATA_DIR: dataDir });
    expect(await exited(child)).toBe(1);
    const lines = output().trim().split('\n');
    expect(lines.at(-1)).toBe(`segqc: port ${port} is in use on 127.0.0.1: stop the program using it, or choose another port, e.g. PORT=${port + 1} npm start`);
    expect(output()).not.toMatch(/\n\s+at /); // no stack trace
    expect(orthancProcessesUsing(dataDir)).toEqual([]);
  } finally {
    blocker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an unreachable PACS is a one-line explanation and exit code 1', async () => {
  const closedPort = await freePort();
  const { child, output } = startLauncher({ PORT: String(await freePort()), SEGQC_DICOMWEB_URL: `http://127.0.0.1:${closedPort}/dicom-web` });
  expect(await exited(child)).toBe(1);
  expect(output().trim()).toBe(`segqc: the PACS at http://127.0.0.1:${closedPort}/dicom-web is unreachable (ECONNREFUSED): check SEGQC_DICOMWEB_URL and the network`);
});

test('starts the viewer on an embedded Orthanc, seeds once, keeps the case store in step, and Ctrl-C stops every process it started', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'segqc-start-'));
  try {
    for (const run of ['first', 'second']) {
      const port = await freePort();
      const { child, output } = startLauncher({ PORT: String(port), SEGQC_DATA_DIR: dataDir, SEGQC_DEMO_CASES: 'ct-01' });
      await waitFor(() => output().includes('study list at'), child, 'the study list URL');
      expect(output()).toContain(`segqc: study list at http://127.0.0.1:${port}/`);
      expect(output()).toContain(run === 'first' ? '(studies stored now: 1, already there: 0)' : '(studies stored now: 0, already there: 1)');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      const studies = await (await fetch(`http://127.0.0.1:${port}/dicom-web/studies`)).json();
      expect(studies).toHaveLength(1);
      expect(orthancProcessesUsing(dataDir)).toHaveLength(1);
      // Orthanc is locked down: its storage (and the config holding this start's credential) is
      // the user's alone, and its own port answers nothing without that credential.
      const storage = join(dataDir, 'orthanc');
      expect([statSync(storage).mode & 0o777, statSync(join(storage, 'orthanc.runtime.json')).mode & 0o777]).toEqual([0o700, 0o600]);
      const orthancPort = (JSON.parse(readFileSync(join(storage, 'orthanc.runtime.json'), 'utf8')) as { HttpPort: number }).HttpPort;
      expect((await fetch(`http://127.0.0.1:${orthancPort}/system`)).status).toBe(401);

      // The QC overview's case store: judged once, by the sync child, through the gateway.
      if (run === 'first') await waitFor(() => output().includes('segqc sync: 1 case in the store (1 judged'), child, 'the case store\'s first pass');
      else await waitFor(() => output().includes('segqc sync: 1 case in the store (0 judged, 1 unchanged'), child, 'the case store\'s pass on the kept store');
      const { cases } = (await (await fetch(`http://127.0.0.1:${port}/segqc/api/cases`)).json()) as { cases: Array<{ summary: { label: string; state: string }; triage: { kind: string } }> };
      expect(cases.map(({ summary, triage }) => [summary.label, summary.state, triage.kind])).toEqual([['CT-01', 'adjudicated', 'judged']]);
      expect(syncProcessesUsing(dataDir)).toHaveLength(1);

      child.kill('SIGINT');
      expect(await exited(child)).toBe(0);
      expect(orthancProcessesUsing(dataDir)).toEqual([]);
      expect(syncProcessesUsing(dataDir)).toEqual([]);
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
