// Moving between the viewer's pages: the URL under the router's basename, and the history entry
// React Router's BrowserRouter reads back on the popstate event.
import { isPlainLeftClick, navigateInViewer, routerBasename, viewerPath } from './navigateInViewer';

class FakePopStateEvent extends Event {
  readonly state: unknown;
  constructor(type: string, init: { state?: unknown } = {}) {
    super(type);
    this.state = init.state;
  }
}
beforeAll(() => {
  (globalThis as { PopStateEvent?: unknown }).PopStateEvent ??= FakePopStateEvent;
});

it('uses the app-config routerBasename, else the public URL, else /', () => {
  expect(routerBasename({ config: { routerBasename: '/viewer/' }, PUBLIC_URL: '/p/' })).toBe('/viewer/');
  expect(routerBasename({ config: { routerBasename: null }, PUBLIC_URL: '/p/' })).toBe('/p/');
  expect(routerBasename({})).toBe('/');
});

it('puts a route under the basename', () => {
  expect(viewerPath('/segqc/overview', {})).toBe('/segqc/overview');
  expect(viewerPath('/segmentation-qc?StudyInstanceUIDs=1.2', { config: { routerBasename: '/viewer/' } })).toBe('/viewer/segmentation-qc?StudyInstanceUIDs=1.2');
  expect(viewerPath('segqc/dashboard', { config: { routerBasename: '/viewer' } })).toBe('/viewer/segqc/dashboard');
});

it('pushes the router’s state shape with the next index and tells the router with popstate', () => {
  const pushed: Array<{ state: { usr: null; key: string; idx: number }; url: string }> = [];
  const events: Event[] = [];
  const win = {
    config: { routerBasename: '/viewer' },
    history: {
      state: { usr: null, key: 'abc', idx: 3 } as unknown,
      pushState(state: unknown, _unused: string, url: string) {
        pushed.push({ state: state as never, url });
        this.state = state;
      },
    },
    dispatchEvent: (event: Event) => events.push(event) > 0,
  };
  navigateInViewer('/segqc/dashboard', win);
  expect(pushed).toHaveLength(1);
  expect(pushed[0].url).toBe('/viewer/segqc/dashboard');
  expect(pushed[0].state).toMatchObject({ usr: null, idx: 4 });
  expect(pushed[0].state.key).toMatch(/^[a-z0-9]+$/);
  expect(events.map((e) => e.type)).toEqual(['popstate']);
  expect((events[0] as FakePopStateEvent).state).toBe(pushed[0].state);
});

it('a history without the router’s state starts at index 1', () => {
  let state: unknown = null;
  const win = { history: { get state() { return state; }, pushState: (next: unknown) => { state = next; } }, dispatchEvent: () => true };
  navigateInViewer('/segqc/overview', win);
  expect(state).toMatchObject({ idx: 1 });
});

it('only a plain left click is handled by the page', () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
  expect(isPlainLeftClick(click)).toBe(true);
  expect(isPlainLeftClick({ ...click, ctrlKey: true })).toBe(false);
  expect(isPlainLeftClick({ ...click, button: 1 })).toBe(false);
});
