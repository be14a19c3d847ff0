// The gateway in a process of its own, so that its memory and CPU are read apart from the load generator's.
// The bench forks its own bundle (this file is bundled into it) with GATEWAY_PROCESS_FLAG; the
// options go over the IPC channel, which keeps Orthanc's credential out of argv and the environment.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createGatewayApp } from '../src/gatewayApp';

export const GATEWAY_PROCESS_FLAG = '--segqc-gateway-process';

interface GatewaySettings {
  upstream: string;
  upstreamAuthorization: string;
}

export interface GatewayUsage {
  /** Resident set size now (VmRSS). */
  rssBytes: number;
  /** Its high-water mark since the process started (VmHWM). */
  peakRssBytes: number;
  /** User + system CPU time since the process started. */
  cpuSeconds: number;
}

export interface GatewayProcess {
  /** The gateway's DICOMweb root. */
  dicomwebUrl: string;
  /** Read from /proc (Linux). */
  usage(): GatewayUsage;
  stop(): Promise<void>;
}

/** Forks the gateway in front of `upstream`, as `npm start` runs it (the client's Host forwarded). */
export function startGatewayProcess(settings: GatewaySettings): Promise<GatewayProcess> {
  // In the bundle __filename is the bundle itself, whose entry serves the gateway when given the flag.
  const child = fork(__filename, [GATEWAY_PROCESS_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the gateway process exited before listening (code ${child.exitCode})`)));
    child.once('message', (message) => {
      const { port } = message as { port: number };
      resolve({
        dicomwebUrl: `http://127.0.0.1:${port}/dicom-web`,
        usage: () => processUsage(child.pid!),
        stop: () => {
          // The child closes the gateway when its IPC channel does.
          if (child.connected) child.disconnect();
          return exited;
        },
      });
    });
    child.send(settings);
  });
}

/** The child's side: serve the gateway on a free loopback port, say which, stop with the parent. */
export function serveGatewayToParent(): void {
  process.once('message', async (message) => {
    const settings = message as GatewaySettings;
    const app = await createGatewayApp({ upstream: new URL(settings.upstream), upstreamAuthorization: settings.upstreamAuthorization, keepHostHeader: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.once('disconnect', () => void app.close().then(() => process.exit(0)));
    process.send?.({ port: (app.server.address() as AddressInfo).port });
  });
}

function processUsage(pid: number): GatewayUsage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]);
  // proc(5): utime and stime are fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux); the
  // command name (field 2) may hold spaces, so count from the ')' that closes it.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rssBytes: kb('VmRSS') * 1024, peakRssBytes: kb('VmHWM') * 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}
