import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { browserSession } from '../harness/browserSession';
import { declareIdentity } from '../harness/declareIdentity';
import { segCopy } from '../harness/segCopy';
import { switchableFront, type SwitchablePacs } from '../harness/switchablePacs';
import { getDicomJson } from '../harness/testPacs';

// A result written while the PACS is down must not be lost: it waits in the viewer's IndexedDB
// outbox, shown as pending with the reason, survives a page reload, and reaches the PACS once it
// is back — exactly once. Every write is its user's: the user says who they are first.
jest.setTimeout(300_000);

const demoCase = demoManifest({ cases: ['ct-01'] }).cases[0];
let gate: SwitchablePacs;
const session = browserSession({
  cases: [demoCase.caseId],
  name: 'durable-outbox',
  // The viewer reaches the PACS through a gate that can refuse its writes.
  front: switchableFront((started) => (gate = started)),
});

test('a write during a PACS outage waits in the outbox, survives a reload, and is stored once when the PACS is back', async () => {
  const { page, screenshot } = session.browser;
  const source = [...generateDemoFiles({ cases: [demoCase.caseId] })].find((file) => file.path === demoCase.segs[0].path)!;
  const write = segCopy(source.bytes, 'outbox-write');
  const viewerUrl = `${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`;

  await page.goto(viewerUrl, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('segqc-annotations-panel').waitFor({ timeout: 120_000 });
  await declareIdentity(page, { name: 'Okafor^Chidi', login: 'cokafor' });
  gate.state.down = true;
  await page.evaluate(
    async ({ base64, sopInstanceUID, studyInstanceUID }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      await (window as any).commandsManager.runCommand('segqcStoreInPacs', { sopInstanceUID, studyInstanceUID, description: 'Annotation copy (outbox test)', bytes: bytes.buffer });
    },
    { base64: Buffer.from(write.bytes).toString('base64'), sopInstanceUID: write.sopInstanceUID, studyInstanceUID: demoCase.StudyInstanceUID },
  );
  const pending = page.locator('[data-testid=segqc-outbox-write][data-state=pending]');
  await pending.getByText(/503|unavailable/i).waitFor({ timeout: 60_000 });
  expect(gate.state.refusedWrites).toBeGreaterThan(0);
  await screenshot('01-pending-while-pacs-down');

  // The identity is the tab's (sessionStorage): the reloaded page is the same user's, with the same writes.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-identity][data-self-declared=true]').waitFor({ timeout: 120_000 });
  await pending.waitFor({ timeout: 120_000 });
  expect(await pending.textContent()).toContain('Annotation copy (outbox test)');

  gate.state.down = false;
  await page.getByTestId('segqc-outbox').waitFor({ state: 'detached', timeout: 120_000 });
  await screenshot('02-stored-after-pacs-back');
  const stored = await getDicomJson(`${session.pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series/${write.seriesInstanceUID}/instances`);
  expect(stored.map((instance) => instance['00080018'].Value?.[0])).toEqual([write.sopInstanceUID]);
});
