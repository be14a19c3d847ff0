import { describeFailure } from '../describeFailure';
import { onSelfDeclaredIdentityChange } from '../identity/selfDeclaredIdentity';
import type { SegqcServices } from '../services';
import { tabOwner } from '../signIn/currentOwner';
import { webLocksPresence } from '../signIn/webLocksPresence';
import { DurableOutbox } from './DurableOutbox';
import { openOutboxStore, type OutboxStore } from './outboxStore';
import { removalNotice } from './removalNotice';
import { stowSender } from './stowSender';

const DATABASE = 'segqc-outbox';

let opened: Promise<OutboxStore> | null = null;
let started: Promise<DurableOutbox> | null = null;

/** The outbox's IndexedDB store, opened once per page (sign-out clears it even where no outbox was started). */
export function segqcOutboxStore(): Promise<OutboxStore> {
  opened ??= openOutboxStore(indexedDB, DATABASE);
  return opened;
}

/**
 * The viewer's one outbox, started on first use: it takes up the current user's writes a previous
 * page left pending, and follows the user when a self-declared identity is declared, changed or
 * forgotten. `dicomwebRoot` is the active data source's root (relative roots resolve against the page).
 */
export function segqcOutbox(services: SegqcServices, dicomwebRoot: string): Promise<DurableOutbox> {
  started ??= segqcOutboxStore().then((store) => {
    const root = new URL(dicomwebRoot, location.href).href.replace(/\/$/, '');
    const outbox = new DurableOutbox({
      store,
      send: stowSender(root, () => services.userAuthenticationService.getAuthorizationHeader()),
      owner: () => tabOwner(services.userAuthenticationService),
      presence: webLocksPresence(),
      onRemoved: (removal) => services.uiNotificationService.show(removalNotice(removal)),
    });
    const resume = () =>
      outbox.resume().catch((error: unknown) =>
        services.uiNotificationService.show({ title: 'SegQC: the outbox to the PACS did not resume', message: describeFailure(error), type: 'error' }),
      );
    onSelfDeclaredIdentityChange(() => void resume());
    void resume();
    return outbox;
  });
  return started;
}
