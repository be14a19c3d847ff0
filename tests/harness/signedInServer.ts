import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@segqc/server';

const START = join(__dirname, '..', '..', 'packages', 'server', 'dist', 'start.js');

export interface SignedInServerOptions {
  /** The demo cases its embedded Orthanc is seeded with. */
  cases: string[];
  /** SEGQC_OIDC_ACCESS_TOKEN_TTL: the viewer renews its access token a minute before it expires. */
  accessTokenTtlSeconds?: number;
  /** Keep the server's state (Orthanc, the provider's keys, the service secret) here, across starts; a temporary folder removed at stop otherwise. */
  dataDir?: string;
  /** The viewer's and the provider's ports (a restart keeps the issuer); free ones otherwise. */
  ports?: { viewer: number; provider: number };
  /** SEGQC_SIGNING_MAX_AUTH_AGE: how recent a sign-in the gateway needs to sign (300 s otherwise). */
  signingMaxAuthAgeSeconds?: number;
}

export interface SignedInServer {
  /** The viewer's origin, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  ports: { viewer: number; provider: number };
  /** The demo identity provider's issuer, http://127.0.0.1:<its port>. */
  issuer: string;
  dataDir: string;
  /** The file the server names as holding the QC service account's secret. */
  serviceSecretFile: string;
  /** The CSP violations the gateway logged since the last call, as `directive blocked URI`. */
  takeCspViolations(): string[];
  /** Everything the server printed. */
  output(): string;
  /** Ctrl-C, as a user stops it; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * `SEGQC_AUTH=demo npm start`, as a user runs it: the built launcher (oidc-provider is an ES
 * module that jest cannot load, so the provider runs in this child process) on free loopback
 * ports, with its embedded Orthanc seeded with `cases`. Resolves once the study list is served.
 */
export async function startSignedInServer(options: SignedInServerOptions): Promise<SignedInServer> {
  const { viewer: port, provider: oidcPort } = options.ports ?? { viewer: await freePort(), provider: await freePort() };
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'segqc-signed-in-'));
  let output = '';
  let cspReported = 0;
  const child: ChildProcess = spawn(process.execPath, [START], {
    env: {
      ...process.env,
      SEGQC_AUTH: 'demo',
      PORT: String(port),
      SEGQC_OIDC_PORT: String(oidcPort),
      SEGQC_DATA_DIR: dataDir,
      SEGQC_DEMO_CASES: options.cases.join(','),
      ...(options.accessTokenTtlSeconds ? { SEGQC_OIDC_ACCESS_TOKEN_TTL: String(options.accessTokenTtlSeconds) } : {}),
      ...(options.signingMaxAuthAgeSeconds ? { SEGQC_SIGNING_MAX_AUTH_AGE: String(options.signingMaxAuthAgeSeconds) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 180_000;
  while (!output.includes('segqc: study list at')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the signed-in server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const serviceSecretFile = /has its secret in (\S+)/.exec(output)?.[1];
  if (!serviceSecretFile) {
    await stop();
    throw new Error(`the signed-in server named no service secret file:\n${output}`);
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ports: { viewer: port, provider: oidcPort },
    issuer: `http://127.0.0.1:${oidcPort}`,
    dataDir,
    serviceSecretFile,
    takeCspViolations() {
      const all = [...output.matchAll(/segqc-gateway: CSP violation: (.*)/g)].map((match) => match[1]!);
      const fresh = all.slice(cspReported);
      cspReported = all.length;
      return fresh;
    },
    output: () => output,
    stop,
  };
}
