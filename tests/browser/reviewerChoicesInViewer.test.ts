import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { qcReportSeriesUid, readQcReport, stowInstances } from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { browserSession } from '../harness/browserSession';
import { declareIdentity } from '../harness/declareIdentity';
import { ohifStyleSeg, withDefaultOhifSegment } from '../harness/ohifStyleSeg';
import { segqc } from '../harness/segqcCommand';
import { storedInstance } from '../harness/storedInstances';

// Issue 13 in the reviewer's panel: a SEG as OHIF's export leaves it (no creator; the right lung
// left at "Segment 1", coded Tissue) — a copy of Rivera's masks, so its agreement is known. The
// reviewer says who made it and maps "Segment 1" to the SOP's right lung; the table then has its
// right-lung rows (Dice 1 with Rivera) under the person's name, the recorded report holds both
// choices, and `segqc qc` reads them back from the PACS.
jest.setTimeout(300_000);

const CASE = 'ct-01';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const rivera = [...generateDemoFiles({ cases: [CASE] })].find((file) => file.path === `${CASE}/seg/rivera.dcm`)!.bytes;
const reader = ohifStyleSeg(rivera, 'viewer-choices', 'Lungs reader D', (dataset) => withDefaultOhifSegment(dataset, 'Right lung'));
const ATTRIBUTED = 'Berg, Lena (attributed by reviewer)';
const session = browserSession({ cases: [CASE], name: 'reviewer-choices' });

test('the reviewer attributes an unattributed SEG and maps its "Segment 1"; the table, the recorded report and segqc qc follow', async () => {
  const { page, screenshot, errors } = session.browser;
  await stowInstances([reader.bytes], { url: session.pacs.dicomwebUrl, fetch: (url, init) => fetch(url, init) });
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  const done = page.locator('[data-testid=segqc-review][data-status=done]');
  await done.waitFor({ timeout: 180_000 });

  const choices = page.getByTestId('segqc-reviewer-choices');
  const attribute = choices.locator(`[data-testid=segqc-attribute][data-uid="${reader.sopInstanceUID}"]`);
  await attribute.getByTestId('segqc-attribute-family').fill('Berg');
  await attribute.getByTestId('segqc-attribute-given').fill('Lena');
  await attribute.getByTestId('segqc-attribute-login').fill('lberg');
  await attribute.getByTestId('segqc-attribute-button').click();
  // The agreement is computed again, the SEG now named as the person.
  await page.locator('[data-testid=segqc-review-row] [data-testid=segqc-review-pair]', { hasText: ATTRIBUTED }).first().waitFor({ timeout: 180_000 });

  const map = choices.locator(`[data-testid=segqc-map-segment][data-uid="${reader.sopInstanceUID}"]`);
  await map.getByTestId('segqc-map-segment-select').selectOption('Right lung');
  await page.locator('[data-testid=segqc-review-row][data-structure="Segment 1"]').waitFor({ state: 'detached', timeout: 180_000 });
  await done.waitFor({ timeout: 180_000 });
  await screenshot('01-attributed-and-mapped');

  const rightLung = await page.locator('[data-testid=segqc-review-row][data-structure="Right lung"]').evaluateAll((elements) =>
    elements.map((e) => [e.querySelector('[data-testid=segqc-review-pair]')!.textContent, Number(e.getAttribute('data-dice'))] as const));
  // The copy records no ContentDate, so it was made first in the order segqc qc compares annotations in (and the panel, since issue 16).
  expect(rightLung).toContainEqual([`${ATTRIBUTED} – Rivera, Ana`, 1]);

  const record = page.getByTestId('segqc-record-review');
  for (const item of await record.locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();
  await declareIdentity(page, { name: 'Novak^Petra', login: 'pnovak' });
  await record.getByTestId('segqc-record-review-button').click();
  const reportUid = (await (await record.getByTestId('segqc-record-review-done').elementHandle({ timeout: 60_000 }))!.getAttribute('data-report'))!;
  const stored = await storedInstance(session.pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: qcReportSeriesUid(demoCase.StudyInstanceUID) }, reportUid);
  const groups = readQcReport(stored).qc!.structures.flatMap((structure) =>
    structure.annotations.filter((annotation) => annotation.segment.sopInstanceUid === reader.sopInstanceUID).map((annotation) => [structure.label, annotation.annotatorName, annotation.annotatorLogin, annotation.setByReviewer]));
  expect(groups).toContainEqual(['Right lung', 'Berg^Lena', 'lberg', ['annotator', 'structure']]);
  expect(groups).toContainEqual(['Left lung', 'Berg^Lena', 'lberg', ['annotator']]);

  const { stdout } = await segqc(['qc', '--pacs', session.pacs.dicomwebUrl, '--study', demoCase.StudyInstanceUID, '--json']);
  const [result] = (JSON.parse(stdout) as QcJson).cases;
  expect(result.annotations.find((annotation) => annotation.sopInstanceUid === reader.sopInstanceUID)).toMatchObject({ id: ATTRIBUTED, attributedBy: 'reviewer' });
  const cliRightLung = result.pairs.find((pair) => pair.structure === 'Right lung' && new Set([pair.a, pair.b]).has(ATTRIBUTED) && new Set([pair.a, pair.b]).has('Rivera, Ana'));
  expect([cliRightLung?.a, cliRightLung?.b, cliRightLung?.dice]).toEqual([ATTRIBUTED, 'Rivera, Ana', 1]);
  expect(errors).toEqual([]);
});
