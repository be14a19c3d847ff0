import { PacsConnection } from '../auth/PacsConnection';
import { storeInPacs } from '../pacsTarget';
import type { QcCaseContext } from './qcCase';
import { readSopLibrary } from './sopLibrary';
import type { QcWorkerData } from './workerProtocol';

/** The context a case is judged in, from what a worker is started with: the worker's own connection to the PACS (its access token), the SOP library, STOW-RS. */
export function qcContext(data: QcWorkerData): QcCaseContext {
  const connection = new PacsConnection(data.credential, { seed: data.issued });
  return {
    root: data.root,
    read: connection.read,
    library: readSopLibrary(data.sopDir),
    writeReports: data.writeReports,
    store: (bytes) => storeInPacs(bytes, { url: data.root, credential: data.credential }, connection),
    now: () => new Date(),
  };
}
