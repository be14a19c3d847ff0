import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import type { Page } from 'playwright-core';
import { browserSession } from '../harness/browserSession';
import { declareIdentity } from '../harness/declareIdentity';
import { segCopy } from '../harness/segCopy';
import { switchableFront, type SwitchablePacs } from '../harness/switchablePacs';
import { getDicomJson } from '../harness/testPacs';
import { currentImageId } from '../harness/viewportImage';

// A viewer without sign-in must say that nobody proved who they are, and a shared browser must keep
// no one else's data: the typed identity lives in the tab's sessionStorage (an earlier version's in
// localStorage is deleted), the outbox lists and sends only its user's writes, a user of another tab
// keeps theirs, entering the sign-out route deletes the user's writes, and a refused write can be
// discarded — after a confirmation, bytes and all.
jest.setTimeout(300_000);

const demoCase = demoManifest({ cases: ['ct-01'] }).cases[0];
const sourceSeg = [...generateDemoFiles({ cases: [demoCase.caseId] })].find((file) => file.path === demoCase.segs[0].path)!.bytes;
let gate: SwitchablePacs;
const session = browserSession({
  cases: [demoCase.caseId],
  name: 'self-declared-identity',
  // The viewer reaches the PACS through a gate that can refuse its writes.
  front: switchableFront((started) => (gate = started)),
});

const PETRA = { name: 'Novak^Petra', login: 'pnovak' };
const WEI = { name: 'Chen^Wei', login: 'wchen' };
const ownerKey = (login: string) => JSON.stringify(['self-declared', login]);
const reviewUrl = () => `${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`;
const annotateUrl = () => `${session.viewer.baseUrl}/segmentation-qc-annotate?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`;

/** Puts a DICOM object in the page's outbox with SegQC's storeInPacs command, as the panels do. */
async function storeInPacs(page: Page, write: { bytes: Uint8Array; sopInstanceUID: string }, description: string, studyInstanceUID = demoCase.StudyInstanceUID) {
  await page.evaluate(
    async ({ base64, sopInstanceUID, studyInstanceUID, description }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      await (window as any).commandsManager.runCommand('segqcStoreInPacs', { sopInstanceUID, studyInstanceUID, description, bytes: bytes.buffer });
    },
    { base64: Buffer.from(write.bytes).toString('base64'), sopInstanceUID: write.sopInstanceUID, studyInstanceUID, description },
  );
}

/** What the browser's outbox database holds, of every user: SOP Instance UID, owner, state, whether the bytes are there. */
function outboxDatabase(page: Page): Promise<Array<{ uid: string; ownerKey: string; state: string; bytes: boolean }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('segqc-outbox');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const all = opening.result.transaction('writes').objectStore('writes').getAll();
          all.onsuccess = () => {
            opening.result.close();
            resolve(all.result.map((r: any) => ({ uid: r.sopInstanceUID, ownerKey: r.ownerKey, state: r.state, bytes: r.bytes !== null })));
          };
        };
      }),
  );
}

/** The owners whose presence locks the browser holds (one per tab at work). */
function heldOwners(page: Page): Promise<string[]> {
  return page.evaluate(async () => ((await navigator.locks.query()).held ?? []).map((lock) => lock.name!).filter((name) => name.startsWith('segqc-outbox-owner:')).map((name) => name.slice('segqc-outbox-owner:'.length)));
}

/** Reads the page until `done` holds for what it reads (within 30 s), then returns that. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not so after 30 s (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const seriesInstances = (seriesInstanceUID: string) => getDicomJson(`${session.pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series/${seriesInstanceUID}/instances`).catch(() => []);

test('without sign-in both modes say identities are self-declared; the identity lives in the tab, none in localStorage', async () => {
  const { page, screenshot } = session.browser;
  await page.goto(reviewUrl(), { waitUntil: 'domcontentloaded' });
  await page.getByTestId('segqc-annotations-panel').waitFor({ timeout: 120_000 });
  // What an earlier SegQC left: the last user's identity, for every later user of this browser.
  await page.evaluate(() => localStorage.setItem('segqc.identity', JSON.stringify({ name: 'Rivera^Ana', login: 'arivera' })));
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('segqc-annotations-panel').waitFor({ timeout: 120_000 });
  expect(await page.evaluate(() => localStorage.getItem('segqc.identity'))).toBeNull();
  await page.getByTestId('segqc-identity-form').waitFor();

  const banner = page.getByTestId('segqc-self-declared-banner');
  expect(await banner.getAttribute('role')).toBe('status');
  expect(await banner.innerText()).toBe('No sign-in: identities are self-declared\nNames and logins here are typed, not proved by a sign-in, and the reports written here carry no signature.');
  await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 });
  await screenshot('01-review-banner');

  await declareIdentity(page, PETRA);
  await page.locator('[data-testid=segqc-identity][data-self-declared=true]').waitFor();
  expect(await page.evaluate(() => [sessionStorage.getItem('segqc.identity'), localStorage.getItem('segqc.identity')])).toEqual(['{"name":"Novak^Petra","login":"pnovak"}', null]);
  expect(await eventually(() => heldOwners(page), (held) => held.includes(ownerKey('pnovak')), "Petra's presence")).toEqual([ownerKey('pnovak')]);

  await page.goto(annotateUrl(), { waitUntil: 'domcontentloaded' });
  await page.getByTestId('segqc-annotate-panel').waitFor({ timeout: 120_000 });
  expect(await page.getByTestId('segqc-self-declared-banner').innerText()).toContain('No sign-in: identities are self-declared');
  await page.locator('[data-testid=segqc-identity][data-self-declared=true]').waitFor();
  await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 });
  await screenshot('02-annotate-banner');
});

test('a write the PACS refused is discarded only after a confirmation, and leaves the browser bytes and all', async () => {
  const { page, screenshot } = session.browser;
  await page.goto(reviewUrl(), { waitUntil: 'domcontentloaded' });
  await page.getByTestId('segqc-annotations-panel').waitFor({ timeout: 120_000 });
  // Cut short: the PACS rejects it as malformed (HTTP 400), for good.
  const copy = segCopy(sourceSeg, 'discarded-write');
  const refused = { ...copy, bytes: copy.bytes.slice(0, -200) };
  await storeInPacs(page, refused, 'Truncated annotation copy (discard test)');
  const failed = page.locator(`[data-testid=segqc-outbox-write][data-state=failed][data-sop-instance-uid="${refused.sopInstanceUID}"]`);
  await failed.waitFor({ timeout: 60_000 });
  expect(await failed.innerText()).toMatch(/failed, kept until[\s\S]*malformed \(HTTP 400\)/);
  expect(await outboxDatabase(page)).toEqual([{ uid: refused.sopInstanceUID, ownerKey: ownerKey('pnovak'), state: 'failed', bytes: true }]);

  await failed.getByTestId('segqc-outbox-discard').click();
  const confirm = failed.getByTestId('segqc-outbox-discard-confirm');
  expect(await confirm.getAttribute('role')).toBe('alertdialog');
  expect(await confirm.innerText()).toContain('It will never reach the PACS and cannot be recovered.');
  await screenshot('03-discard-confirmation');
  await confirm.getByTestId('segqc-outbox-discard-cancel').click();
  await failed.getByTestId('segqc-outbox-retry').waitFor();
  expect(await outboxDatabase(page)).toHaveLength(1);

  await failed.getByTestId('segqc-outbox-discard').click();
  await failed.getByTestId('segqc-outbox-discard-confirmed').click();
  await page.getByTestId('segqc-outbox').waitFor({ state: 'detached' });
  expect(await outboxDatabase(page)).toEqual([]);
  expect(await seriesInstances(refused.seriesInstanceUID)).toEqual([]);
});

test("another tab's user neither sees nor sends this user's writes, and keeps them; signing out there deletes only that user's", async () => {
  const { page, screenshot } = session.browser;
  const petrasWrite = segCopy(sourceSeg, 'petras-pending-write');
  const weisWrite = segCopy(sourceSeg, 'weis-pending-write');
  gate.state.down = true;
  await storeInPacs(page, petrasWrite, "Petra's annotation copy (outbox test)");
  await page.locator('[data-testid=segqc-outbox-write][data-state=pending]').getByText(/503|unavailable/i).waitFor({ timeout: 60_000 });

  // A second tab: its own sessionStorage, so nobody until Wei says who he is.
  const other = await page.context().newPage();
  try {
    await other.goto(reviewUrl(), { waitUntil: 'domcontentloaded' });
    await other.getByTestId('segqc-annotations-panel').waitFor({ timeout: 120_000 });
    await other.getByTestId('segqc-self-declared-banner').waitFor();
    await declareIdentity(other, WEI);
    expect(await eventually(() => heldOwners(other), (held) => held.includes(ownerKey('wchen')), "Wei's presence")).toEqual(expect.arrayContaining([ownerKey('pnovak'), ownerKey('wchen')]));
    await storeInPacs(other, weisWrite, "Wei's annotation copy (outbox test)");
    const weisRow = other.locator(`[data-testid=segqc-outbox-write][data-sop-instance-uid="${weisWrite.sopInstanceUID}"]`);
    await weisRow.getByText(/503|unavailable/i).waitFor({ timeout: 60_000 });
    expect(await other.getByTestId('segqc-outbox-write').count()).toBe(1);
    expect((await outboxDatabase(other)).map((r) => [r.uid, r.ownerKey]).sort()).toEqual(
      [[petrasWrite.sopInstanceUID, ownerKey('pnovak')], [weisWrite.sopInstanceUID, ownerKey('wchen')]].sort(),
    );
    await screenshot('04-first-tab-keeps-its-own');

    // Wei signs out: OHIF's sign-out route (entered in the page, as its Logout menu item does).
    await other.evaluate(() => history.pushState(null, '', '/logout'));
    expect(await eventually(() => outboxDatabase(other), (rows) => rows.length === 1, "Wei's writes deleted at sign-out")).toEqual([{ uid: petrasWrite.sopInstanceUID, ownerKey: ownerKey('pnovak'), state: 'pending', bytes: true }]);
  } finally {
    await other.close();
  }

  gate.state.down = false;
  await page.getByTestId('segqc-outbox').waitFor({ state: 'detached', timeout: 120_000 });
  expect((await seriesInstances(petrasWrite.seriesInstanceUID)).map((instance) => instance['00080018'].Value?.[0])).toEqual([petrasWrite.sopInstanceUID]);
  expect(await seriesInstances(weisWrite.seriesInstanceUID)).toEqual([]);
});
