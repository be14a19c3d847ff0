import { demoManifest } from '@segqc/demo-data';
import type { Page } from 'playwright-core';
import { signInAs, signOut } from '../harness/signIn';
import { signedInBrowserSession } from '../harness/signedInBrowserSession';

// Roles as users meet them with `SEGQC_AUTH=demo npm start`, signed in through the demo provider's
// own page: an annotator who opens the reviewer's route sees only her own segmentation, and her
// page's own fetch of another reader's SEG or of a report is refused by the gateway (blinding where
// the data passes, not in the UI); a reviewer sees every reader's work and records his review, but
// is not offered Sign (the gateway would refuse it: gatewayRolePolicy.test.ts); sign-out leaves the
// browser holding none of his writes.
jest.setTimeout(300_000);

const [demoCase] = demoManifest({ cases: ['ct-01'] }).cases;
const study = demoCase.StudyInstanceUID;
const session = signedInBrowserSession({ cases: [demoCase.caseId], name: 'signed-in-roles' });
const reviewerRoute = `/segmentation-qc?StudyInstanceUIDs=${study}`;
const segOf = (login: string) => demoCase.segs.find((seg) => seg.annotator.login === login)!;

/** The bearer token of the page's latest DICOMweb request: what its own code would send. */
function bearerSeen(page: Page): () => string {
  let token = '';
  page.on('request', (request) => {
    const match = /^Bearer (.+)$/.exec(request.headers().authorization ?? '');
    if (match && request.url().includes('/dicom-web/')) token = match[1]!;
  });
  return () => token;
}

/** A fetch made by the page itself, with the user's token: its status and DICOM JSON (or error) body. */
function fetchInPage(page: Page, path: string, token: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([url, bearer]) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/dicom+json' } });
      return { status: response.status, body: await response.json() };
    },
    [path, token] as const,
  );
}

const annotators = (page: Page) => page.getByTestId('segqc-annotator').allTextContents();

test("an annotator on the reviewer's route sees only her own SEG; her page's fetch of another reader's SEG or the report is 403", async () => {
  const { page, screenshot } = session.browser;
  const token = bearerSeen(page);
  await signInAs(page, session.server, 'arivera', reviewerRoute);
  await page.getByTestId('segqc-annotation').first().waitFor({ timeout: 120_000 });
  // The panel lists what the gateway let through: Rivera's SEG, none of Chen's, Okafor's or the reference.
  expect(await page.getByTestId('segqc-annotation').count()).toBe(1);
  expect((await annotators(page)).join(' ')).toMatch(/Rivera/);
  await screenshot('01-annotator-on-reviewer-route');

  const chen = segOf('wchen');
  const other = await fetchInPage(page, `/dicom-web/studies/${study}/series/${chen.SeriesInstanceUID}/instances/${chen.SOPInstanceUID}/metadata`, token());
  expect(other).toEqual({ status: 403, body: { error: 'blinded', message: "this object is another reader's work is not shown to annotators (blinding)" } });
  const reference = demoCase.reference!;
  expect((await fetchInPage(page, `/dicom-web/studies/${study}/series/${reference.SeriesInstanceUID}/metadata`, token())).body).toEqual([]);
  const instances = await fetchInPage(page, `/dicom-web/studies/${study}/instances`, token());
  const classes = (instances.body as Array<Record<string, { Value: string[] }>>).map((d) => [d['00080016']!.Value[0], d['00080018']!.Value[0]] as const);
  expect(classes.filter(([sopClass]) => sopClass.startsWith('1.2.840.10008.5.1.4.1.1.88.'))).toEqual([]);
  expect(classes.filter(([sopClass]) => sopClass === '1.2.840.10008.5.1.4.1.1.66.4').map(([, uid]) => uid)).toEqual([segOf('arivera').SOPInstanceUID]);
  await signOut(page, session.server);
});

/** The owners of the outbox's records in this origin's IndexedDB (read from a page of the viewer's origin). */
function outboxOwners(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('segqc-outbox');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('writes')) return resolve([]);
          const all = db.transaction('writes').objectStore('writes').getAll();
          all.onsuccess = () => resolve((all.result as Array<{ ownerKey: string }>).map((record) => record.ownerKey));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('a reviewer sees every reader\'s work and records his review, is not offered Sign, and sign-out clears his writes from the browser', async () => {
  const { page, screenshot } = session.browser;
  await signInAs(page, session.server, 'psingh', reviewerRoute);
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  expect((await annotators(page)).join(' ')).toEqual(expect.stringMatching(/Rivera.*Chen.*Okafor|Okafor.*Chen.*Rivera/s));
  const adjudication = page.getByTestId('segqc-adjudication');
  expect(await adjudication.getByTestId('segqc-adjudication-sign').isDisabled()).toBe(true);
  expect(await adjudication.getByTestId('segqc-adjudication-missing').textContent()).toContain('Signing an adjudication: your role (reviewer) may not; the gateway would refuse it');
  await screenshot('02-reviewer-no-sign');

  // What his role stores: the review, through the outbox, kept there as a receipt until sign-out.
  const record = page.getByTestId('segqc-record-review');
  for (const item of await record.locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();
  await record.getByTestId('segqc-record-review-button').click();
  await record.getByTestId('segqc-record-review-done').waitFor({ timeout: 60_000 });
  const his = JSON.stringify(['signed-in', session.server.issuer, 'psingh']);
  expect(await outboxOwners(page)).toContain(his);

  await signOut(page, session.server);
  // A page of the viewer's origin that is not the app (which would send us to sign in): its IndexedDB.
  await page.goto(`${session.server.baseUrl}/app-config.js`);
  expect(await outboxOwners(page)).not.toContain(his);
});
