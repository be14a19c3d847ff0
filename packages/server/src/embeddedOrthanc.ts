import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './freePort';
import { StartupError } from './startupError';

export interface EmbeddedOrthanc {
  /** DICOMweb root, e.g. http://127.0.0.1:41234/dicom-web */
  dicomwebUrl: string;
  /** Orthanc REST root, e.g. http://127.0.0.1:41234 */
  restUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOrthancOptions {
  /** platform-config/orthanc/orthanc.json: everything but port and storage comes from it. */
  baseConfigFile: string;
  /** Storage and index folder; created when missing. Its runtime config and log go there too. */
  storageDir: string;
  /** HTTP port on loopback; a free one when not given. */
  port?: number;
  /** Seconds to wait for Orthanc to answer. */
  readyTimeoutSeconds?: number;
}

const ORTHANC_BINARY = '/usr/sbin/Orthanc';

/**
 * Runs Orthanc from Debian as a child process (its system service does not start in
 * containers) on a free loopback port, with RemoteAccessAllowed false so it refuses other hosts.
 */
export async function startEmbeddedOrthanc(options: EmbeddedOrthancOptions): Promise<EmbeddedOrthanc> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.storageDir, { recursive: true });
  const config = {
    ...JSON.parse(readFileSync(options.baseConfigFile, 'utf8')),
    HttpPort: port,
    RemoteAccessAllowed: false,
    StorageDirectory: options.storageDir,
    IndexDirectory: options.storageDir,
  };
  const configFile = join(options.storageDir, 'orthanc.runtime.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const log = createWriteStream(join(options.storageDir, 'orthanc.log'), { flags: 'a' });
  const child = spawn(ORTHANC_BINARY, [configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const restUrl = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(child, restUrl, options.readyTimeoutSeconds ?? 30, join(options.storageDir, 'orthanc.log'));
  return { restUrl, dicomwebUrl: `${restUrl}/dicom-web`, stop: () => stopChild(child) };
}

async function waitUntilAnswering(child: ChildProcess, restUrl: string, timeoutSeconds: number, logFile: string): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new StartupError(`Orthanc exited with code ${exited} while starting; see ${logFile}`);
    try {
      const response = await fetch(`${restUrl}/system`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill('SIGKILL');
  throw new StartupError(`Orthanc did not answer within ${timeoutSeconds} s; see ${logFile}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
