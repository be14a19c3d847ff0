import { storeInPacs } from '../pacsTarget';
import type { QcCaseContext } from './qcCase';
import { readSopLibrary } from './sopLibrary';
import type { QcWorkerData } from './workerProtocol';

/** The context a case is judged in, from what a worker is started with: Node's fetch, the bearer token, the SOP library, STOW-RS. */
export function qcContext(data: QcWorkerData): QcCaseContext {
  const headers = data.token ? { Authorization: `Bearer ${data.token}` } : undefined;
  return {
    root: data.root,
    read: { fetch: (url, init) => fetch(url, init), ...(headers ? { headers } : {}) },
    library: readSopLibrary(data.sopDir),
    writeReports: data.writeReports,
    store: (bytes) => storeInPacs(bytes, { url: data.root, token: data.token }),
    now: () => new Date(),
  };
}
