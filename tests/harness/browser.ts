import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-results', 'browser');

/** Debian's Chromium, headless, fresh profile. WebGL comes from SwiftShader: the viewer's CPU fallback crashes. */
export async function launchBrowser(name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'segqc-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    consoleLines.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return {
    page,
    errors,
    screenshot: (step: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-${step}.png`) }),
    async close() {
      writeFileSync(join(ARTIFACTS_DIR, `${name}-console.log`), consoleLines.join('\n'));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
