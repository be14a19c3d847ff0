import { launchBrowser } from './browser';
import { startSignedInServer, type SignedInServer, type SignedInServerOptions } from './signedInServer';

export type TestBrowser = Awaited<ReturnType<typeof launchBrowser>>;

export interface SignedInBrowserSession {
  readonly server: SignedInServer;
  readonly browser: TestBrowser;
}

/**
 * A browser test file's world with sign-in on: `SEGQC_AUTH=demo npm start` (signedInServer.ts)
 * and Chromium, started in a beforeAll and stopped in an afterAll. As in browserSession.ts, a test
 * during which the gateway logged a CSP violation, or the browser did (the provider's pages too),
 * fails. Call it at the top level of the test file; read its members inside tests and hooks only.
 */
export function signedInBrowserSession(options: SignedInServerOptions & { name: string }): SignedInBrowserSession {
  let server: SignedInServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startSignedInServer(options);
    browser = await launchBrowser(options.name);
  });
  afterEach(() => {
    const reported = server?.takeCspViolations() ?? [];
    const logged = browser?.errors.filter((error) => /Content[ -]Security[ -]Policy/i.test(error)) ?? [];
    expect({ reported, logged }).toEqual({ reported: [], logged: [] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(part: T | undefined, what: string): T => {
    if (part === undefined) throw new Error(`the signed-in session's ${what} is not running: use it inside a test or a hook`);
    return part;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
