import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DossierError } from './DossierError';

/** Debian's Chromium (package `chromium`): the browser that prints the dossier. */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium must be there before the PACS is read: a long read should not end in this. */
export function checkChromium(chromium = CHROMIUM): void {
  if (!existsSync(chromium)) {
    throw new DossierError(`the dossier's PDF is printed by Chromium, and ${chromium} is missing: install the Debian package chromium (apt-get install chromium)`);
  }
}

const PRINT_TIMEOUT_MS = 120_000;

/**
 * Prints an HTML file to PDF with headless Chromium (`--print-to-pdf`, no header or footer), in a
 * profile of its own that is removed afterwards. The page fetches nothing, so no network is needed.
 * Chromium's sandbox cannot run as root, so it is turned off there only.
 */
export async function printPdf(htmlFile: string, pdfFile: string, chromium = CHROMIUM): Promise<void> {
  checkChromium(chromium);
  // A PDF of an earlier run must not pass for this one's.
  rmSync(pdfFile, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'segqc-dossier-chromium-'));
  const args = [
    '--headless', '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking', '--no-pdf-header-footer',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `--user-data-dir=${profile}`, `--print-to-pdf=${resolve(pdfFile)}`, pathToFileURL(resolve(htmlFile)).href,
  ];
  try {
    await new Promise<void>((done, fail) => {
      execFile(chromium, args, { timeout: PRINT_TIMEOUT_MS }, (error, _stdout, stderr) => {
        if (error) fail(new DossierError(`Chromium could not print ${pdfFile}: ${error.killed ? `no answer in ${PRINT_TIMEOUT_MS / 1000} s` : stderr.trim().split('\n').pop() || error.message}`));
        else done();
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!(statSync(pdfFile, { throwIfNoEntry: false })?.size)) throw new DossierError(`Chromium ended without writing ${pdfFile}`);
}
