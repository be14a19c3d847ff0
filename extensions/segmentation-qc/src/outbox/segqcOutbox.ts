import type { SegqcServices } from '../services';
import { DurableOutbox } from './DurableOutbox';
import { openOutboxStore } from './outboxStore';
import { stowSender } from './stowSender';

const DATABASE = 'segqc-outbox';

let started: Promise<DurableOutbox> | null = null;

/**
 * The viewer's one outbox, opened on first use; it resumes the writes a previous page left
 * pending. `dicomwebRoot` is the active data source's root (relative roots resolve against the page).
 */
export function segqcOutbox(services: SegqcServices, dicomwebRoot: string): Promise<DurableOutbox> {
  started ??= openOutboxStore(indexedDB, DATABASE).then((store) => {
    const root = new URL(dicomwebRoot, location.href).href.replace(/\/$/, '');
    const outbox = new DurableOutbox({ store, send: stowSender(root, () => services.userAuthenticationService.getAuthorizationHeader()) });
    void outbox.flush();
    return outbox;
  });
  return started;
}
