import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of a PACS that can be "taken down" for writes: while `down`, every
 * STOW-RS POST is answered 503 without reaching the PACS; reads always pass, so the viewer works.
 */
export async function startSwitchablePacs(target: string) {
  const upstream = new URL(target);
  const state = { down: false, refusedWrites: 0 };
  const server: Server = createServer((req, res) => {
    if (state.down && req.method === 'POST') {
      state.refusedWrites++;
      req.resume();
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('maintenance');
      return;
    }
    const forwarded = request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export type SwitchablePacs = Awaited<ReturnType<typeof startSwitchablePacs>>;

/** A browserSession `front`: the viewer reaches the PACS through a switchable gate, handed to `use` once it runs. */
export function switchableFront(use: (gate: SwitchablePacs) => void) {
  return async (pacs: { orthanc: { restUrl: string } }): Promise<{ dicomwebUrl: string; stop(): Promise<void> }> => {
    const gate = await startSwitchablePacs(pacs.orthanc.restUrl);
    use(gate);
    return { dicomwebUrl: `${gate.url}/dicom-web`, stop: gate.close };
  };
}
