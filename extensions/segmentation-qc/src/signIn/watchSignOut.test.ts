import { watchSignOut, type NavigationEvents } from './watchSignOut';

// OHIF 3.13 signs out by navigating to its /logout route (the Logout menu item; a sign-out in
// another tab); the Navigation API's navigate event is the hook. This fake navigation fires the
// events a browser would, with their destination.

function navigationTo(navigation: EventTarget, url: string): void {
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
}

test('entering the sign-out route signs out; other routes do not', () => {
  const navigation = new EventTarget();
  const signOuts: number[] = [];
  const stop = watchSignOut(navigation as NavigationEvents, '/logout', () => signOuts.push(signOuts.length));
  navigationTo(navigation, 'https://viewer.example.org/segmentation-qc?StudyInstanceUIDs=2.25.1');
  navigationTo(navigation, 'https://viewer.example.org/logoutx');
  expect(signOuts).toHaveLength(0);
  navigationTo(navigation, `https://viewer.example.org/logout?redirect_uri=${encodeURIComponent('https://viewer.example.org/segmentation-qc')}`);
  expect(signOuts).toHaveLength(1);

  stop();
  navigationTo(navigation, 'https://viewer.example.org/logout');
  expect(signOuts).toHaveLength(1);
});

test("under a router basename, the route is the basename's", () => {
  const navigation = new EventTarget();
  let signedOut = false;
  watchSignOut(navigation as NavigationEvents, '/viewer/logout', () => (signedOut = true));
  navigationTo(navigation, 'https://pacs.example.org/logout');
  expect(signedOut).toBe(false);
  navigationTo(navigation, 'https://pacs.example.org/viewer/logout');
  expect(signedOut).toBe(true);
});

test('without the Navigation API nothing is watched (the outbox start clears instead)', () => {
  expect(() => watchSignOut(undefined, '/logout', () => undefined)()).not.toThrow();
});
