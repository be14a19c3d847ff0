import { launchBrowser } from './browser';
import { startTestPacs, type TestPacs } from './testPacs';
import { startTestViewer } from './testViewer';

export type TestViewer = Awaited<ReturnType<typeof startTestViewer>>;
export type TestBrowser = Awaited<ReturnType<typeof launchBrowser>>;

/** Something the viewer reaches the PACS through (a proxy, say): started after the PACS, stopped before it. */
export interface PacsFront {
  dicomwebUrl: string;
  stop(): Promise<void>;
}

export interface BrowserSessionOptions {
  /** The demo cases the test PACS is seeded with. */
  cases: string[];
  /** Names the screenshots and the console log in test-results/browser. */
  name: string;
  /**
   * Puts something between the viewer's gateway and the Orthanc (a proxy, say, that forwards the
   * gateway's credential); without it the viewer's gateway reads the Orthanc's DICOMweb root.
   */
  front?: (pacs: TestPacs) => Promise<PacsFront>;
  /** The viewer's gateway serves this folder as the programme's case store (fill it with `segqc sync`). */
  caseStoreDir?: string;
}

export interface BrowserSession {
  readonly pacs: TestPacs;
  readonly viewer: TestViewer;
  readonly browser: TestBrowser;
}

/**
 * A browser test file's world: a test PACS seeded with demo cases, the test viewer in front of it and
 * Chromium, started in a beforeAll and stopped in an afterAll (whatever did start, the last first).
 * Call it at the top level of the test file; read its members inside tests and hooks only.
 */
export function browserSession(options: BrowserSessionOptions): BrowserSession {
  let pacs: TestPacs | undefined;
  let front: PacsFront | undefined;
  let viewer: TestViewer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    pacs = await startTestPacs(options.cases);
    front = await options.front?.(pacs);
    viewer = await startTestViewer(front?.dicomwebUrl ?? pacs.orthanc.dicomwebUrl, pacs.orthanc.authorization, options.caseStoreDir);
    browser = await launchBrowser(options.name);
  });
  // The viewer runs under its Content-Security-Policy: a test during which the browser reported a
  // violation, or logged one, fails.
  afterEach(() => {
    const reported = viewer?.cspViolations.splice(0) ?? [];
    const logged = browser?.errors.filter((error) => /Content[ -]Security[ -]Policy/i.test(error)) ?? [];
    expect({ reported, logged }).toEqual({ reported: [], logged: [] });
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.stop();
    await front?.stop();
    await pacs?.stop();
  });
  const started = <T>(part: T | undefined, what: string): T => {
    if (part === undefined) throw new Error(`the browser session's ${what} is not running: use it inside a test or a hook`);
    return part;
  };
  return {
    get pacs() {
      return started(pacs, 'PACS');
    },
    get viewer() {
      return started(viewer, 'viewer');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
