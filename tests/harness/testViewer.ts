import { DirectoryCaseStore } from '@segqc/case-store';
import type { CspViolation } from '@segqc/gateway';
import { createHostServer, listen, paths } from '@segqc/server';
import type { AddressInfo } from 'node:net';

/**
 * The SegQC host server (the gateway with the viewer) on a free loopback port, in front of the
 * given DICOMweb root, sending `upstreamAuthorization` to it as `npm start` does to its Orthanc.
 * Every CSP violation a browser reports is kept in `cspViolations`. With `caseStoreDir`, the gateway
 * serves that case store to the QC overview, as `npm start` serves the one `segqc sync` keeps.
 */
export async function startTestViewer(dicomwebUrl: string, upstreamAuthorization?: string, caseStoreDir?: string) {
  const cspViolations: CspViolation[] = [];
  const app = await createHostServer({
    viewerDir: paths.viewerDir,
    appConfigFile: paths.appConfigFile,
    bundleDirs: paths.bundleDirs,
    dicomwebUpstream: new URL(dicomwebUrl),
    upstreamAuthorization,
    keepHostHeader: true,
    onCspViolation: (violation) => cspViolations.push(violation),
    ...(caseStoreDir ? { caseStore: new DirectoryCaseStore(caseStoreDir) } : {}),
  });
  await listen(app, 0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { baseUrl, cspViolations, stop: () => app.close() };
}
