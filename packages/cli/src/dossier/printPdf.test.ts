// Why: without Chromium there is no PDF, and the user must learn which Debian package to install
// before the whole PACS is read, not after.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DossierError } from './DossierError';
import { checkChromium, printPdf } from './printPdf';

const MISSING = join(tmpdir(), 'segqc-no-such-chromium', 'chromium');

it('names the missing browser and its Debian package', () => {
  expect(() => checkChromium(MISSING)).toThrow(new DossierError(`the dossier's PDF is printed by Chromium, and ${MISSING} is missing: install the Debian package chromium (apt-get install chromium)`));
});

it('refuses to print without it, as a DossierError', async () => {
  await expect(printPdf('dossier.html', 'dossier.pdf', MISSING)).rejects.toBeInstanceOf(DossierError);
});
