/** The part of the Navigation API used here (window.navigation). */
export interface NavigationEvents {
  addEventListener(type: 'navigate', listener: (event: Event & { destination?: { url: string } }) => void): void;
  removeEventListener(type: 'navigate', listener: (event: Event & { destination?: { url: string } }) => void): void;
}

/**
 * Calls `onSignOut` as the viewer enters OHIF's sign-out route. In OHIF 3.13 every sign-out passes
 * there, and nothing else tells: the Logout menu item navigates to `/logout`, whose page calls the
 * OIDC client's signoutRedirect (which removes the user, revokes the tokens and leaves for the
 * provider) without telling userAuthenticationService; a sign-out in another tab brings this one to
 * `/logout` too (OHIF's `signoutEvent` storage key). The Navigation API's navigate event is fired
 * for those in-page navigations (history.pushState), before the provider's page replaces this one.
 * Without the Navigation API, the outbox's next start deletes what the signed-out user left.
 */
export function watchSignOut(navigation: NavigationEvents | undefined, logoutPath: string, onSignOut: () => void): () => void {
  if (!navigation) return () => undefined;
  const listener = (event: Event & { destination?: { url: string } }) => {
    if (event.destination && new URL(event.destination.url).pathname === logoutPath) onSignOut();
  };
  navigation.addEventListener('navigate', listener);
  return () => navigation.removeEventListener('navigate', listener);
}
