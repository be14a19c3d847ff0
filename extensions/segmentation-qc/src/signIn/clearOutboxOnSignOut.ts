import { segqcOutboxStore } from '../outbox/segqcOutbox';
import type { UserAuthenticationService } from '../services';
import { viewerPath } from '../programme/navigateInViewer';
import { clearAtSignOut } from './clearAtSignOut';
import { tabOwner } from './currentOwner';
import { watchSignOut, type NavigationEvents } from './watchSignOut';

/** OHIF's sign-out route (OpenIdConnectRoutes), under the router's basename. */
const LOGOUT_ROUTE = '/logout';

/**
 * From the viewer's load on: when the user signs out, their outbox writes are deleted from this
 * browser (clearAtSignOut). The owner is read as the sign-out begins, while OHIF still has the user.
 */
export function clearOutboxOnSignOut(auth: () => Pick<UserAuthenticationService, 'getUser'>): () => void {
  const globals = window as unknown as Parameters<typeof viewerPath>[1] & { navigation?: NavigationEvents };
  return watchSignOut(globals.navigation, viewerPath(LOGOUT_ROUTE, globals), () => {
    const owner = tabOwner(auth());
    // The page is leaving for the provider: no one to tell if this fails; the next start deletes what nobody holds.
    segqcOutboxStore()
      .then((store) => clearAtSignOut(store, owner))
      .catch(() => undefined);
  });
}
