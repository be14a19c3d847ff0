import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './freePort';
import { StartupError } from './startupError';

export interface EmbeddedOrthanc {
  /** DICOMweb root, e.g. http://127.0.0.1:41234/dicom-web */
  dicomwebUrl: string;
  /** Orthanc REST root, e.g. http://127.0.0.1:41234 */
  restUrl: string;
  /**
   * `Authorization` value of this start's credential: Orthanc answers nothing without it, and only
   * the gateway (and the process that started Orthanc) holds it.
   */
  authorization: string;
  stop(): Promise<void>;
}

export interface EmbeddedOrthancOptions {
  /** platform-config/orthanc/orthanc.json: everything but port and storage comes from it. */
  baseConfigFile: string;
  /** Storage and index folder; created when missing. Its runtime config and log go there too. */
  storageDir: string;
  /** HTTP port on loopback; a free one when not given. */
  port?: number;
  /** The credential to start with (orthancCredential()); a new one when not given. */
  credential?: OrthancCredential;
  /** Seconds to wait for Orthanc to answer. */
  readyTimeoutSeconds?: number;
}

const ORTHANC_BINARY = '/usr/sbin/Orthanc';

const GATEWAY_USER = 'segqc-gateway';

export interface OrthancCredential {
  user: string;
  password: string;
  /** The `Authorization` header value that carries it. */
  authorization: string;
}

/** A random credential for one start of the embedded Orthanc. */
export function orthancCredential(): OrthancCredential {
  const password = randomBytes(32).toString('base64url');
  return { user: GATEWAY_USER, password, authorization: `Basic ${Buffer.from(`${GATEWAY_USER}:${password}`).toString('base64')}` };
}

/**
 * Runs Orthanc from Debian as a child process (its system service does not start in
 * containers) on a free loopback port, locked down whatever the base configuration says: other
 * hosts refused, HTTP authentication on with a random credential made for this start, no DICOM
 * port, no Lua, no REST writes to the file system, no WebDAV, no error details in answers. The
 * storage folder (and the runtime config holding the credential) is readable by this user only.
 */
export async function startEmbeddedOrthanc(options: EmbeddedOrthancOptions): Promise<EmbeddedOrthanc> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.storageDir, { recursive: true, mode: 0o700 });
  chmodSync(options.storageDir, 0o700);
  const credential = options.credential ?? orthancCredential();
  const config = {
    ...JSON.parse(readFileSync(options.baseConfigFile, 'utf8')),
    HttpPort: port,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [credential.user]: credential.password },
    DicomServerEnabled: false,
    ExecuteLuaEnabled: false,
    RestApiWriteToFileSystemEnabled: false,
    WebDavEnabled: false,
    HttpDescribeErrors: false,
    StorageDirectory: options.storageDir,
    IndexDirectory: options.storageDir,
  };
  const configFile = join(options.storageDir, 'orthanc.runtime.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  chmodSync(configFile, 0o600);
  const { authorization } = credential;
  const log = createWriteStream(join(options.storageDir, 'orthanc.log'), { flags: 'a', mode: 0o600 });
  // A log that cannot be written (disk full, permissions) must not take the server down with it.
  log.on('error', (error) => console.error(`segqc: Orthanc's log cannot be written: ${error.message}`));
  const child = spawn(ORTHANC_BINARY, [configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const restUrl = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(child, restUrl, authorization, options.readyTimeoutSeconds ?? 30, join(options.storageDir, 'orthanc.log'));
  return { restUrl, dicomwebUrl: `${restUrl}/dicom-web`, authorization, stop: () => stopChild(child) };
}

async function waitUntilAnswering(child: ChildProcess, restUrl: string, authorization: string, timeoutSeconds: number, logFile: string): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new StartupError(`Orthanc exited with code ${exited} while starting; see ${logFile}`);
    try {
      const response = await fetch(`${restUrl}/system`, { headers: { Authorization: authorization } });
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
