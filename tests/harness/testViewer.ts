import type { AddressInfo } from 'node:net';
import { createHostServer, listen, paths } from '@segqc/server';

/** The SegQC host server on a free loopback port, in front of the given DICOMweb root. */
export async function startTestViewer(dicomwebUrl: string) {
  const server = createHostServer({
    viewerDir: paths.viewerDir,
    appConfigFile: paths.appConfigFile,
    bundleDirs: paths.bundleDirs,
    dicomwebUpstream: new URL(dicomwebUrl),
    keepHostHeader: true,
  });
  await listen(server, 0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
