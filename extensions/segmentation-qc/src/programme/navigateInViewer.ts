/**
 * Moving between the viewer's pages without reloading it. OHIF 3.13 renders its routes in React
 * Router's BrowserRouter, which follows the browser's history: a pushState followed by a popstate
 * event is what the back and forward buttons do, and the router renders the new location. The state
 * pushed has the router's own shape ({ usr, key, idx }) so that its back/forward bookkeeping holds.
 */

interface ViewerGlobals {
  config?: { routerBasename?: string | null };
  PUBLIC_URL?: string;
}

/** The viewer's router basename, as OHIF's appInit sets it: app-config routerBasename, else the public URL, else '/'. */
export function routerBasename(globals: ViewerGlobals): string {
  return globals.config?.routerBasename || globals.PUBLIC_URL || '/';
}

/** A route path (e.g. `/segqc/overview?x=1`) as a URL path of the page, under the router's basename. */
export function viewerPath(route: string, globals: ViewerGlobals): string {
  const base = routerBasename(globals).replace(/\/+$/, '');
  return `${base}${route.startsWith('/') ? route : `/${route}`}`;
}

interface HistoryWindow extends ViewerGlobals {
  history: { state: unknown; pushState(state: unknown, unused: string, url: string): void };
  dispatchEvent(event: Event): boolean;
}

export function navigateInViewer(route: string, win: HistoryWindow = window as unknown as HistoryWindow): void {
  const previous = win.history.state as { idx?: unknown } | null;
  const idx = (typeof previous?.idx === 'number' ? previous.idx : 0) + 1;
  win.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, '', viewerPath(route, win));
  win.dispatchEvent(new PopStateEvent('popstate', { state: win.history.state }));
}

/** A plain left click, which the page handles; a modified or middle click keeps the browser's own behaviour (new tab…). */
export function isPlainLeftClick(event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
