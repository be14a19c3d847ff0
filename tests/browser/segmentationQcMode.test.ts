import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { stowInstances } from '@segqc/server';
import { browserSession } from '../harness/browserSession';
import { segWithTruncatedPixelData } from '../harness/corruptSeg';
import { pollUntil } from '../harness/pollUntil';
import { labelmapVoxelCounts, voxelsOnCurrentSlice } from '../harness/labelmapCounts';
import { asShown } from '../harness/personNames';
import { currentImageId } from '../harness/viewportImage';

// What a reviewer does first: find a demo CT in the study list, open it in Segmentation QC, see
// the three annotators and the adjudicated reference standard, and overlay one annotation. It runs
// the untouched prebuilt OHIF viewer with our two bundles on a real Orthanc, and checks the viewer's
// own state against the generator's manifest: the image in the viewport, and the labelmap voxel count
// of each segment.
jest.setTimeout(300_000);

const [demoCase, mrCase] = demoManifest({ cases: ['ct-01', 'mr-01'] }).cases;
const ctSeries = demoCase.series.find((s) => s.Modality === 'CT')!;
/** ct-01 is adjudicated: besides the three annotators' SEGs the panel lists the reference standard's, by its adjudicator. */
const ctSegCreators = [...demoCase.segs.map((s) => s.annotator.name), demoCase.reference!.adjudicator.name];

const session = browserSession({ cases: [demoCase.caseId, mrCase.caseId], name: 'segmentation-qc-ct' });

test('opens a demo CT in Segmentation QC from the study list, lists its annotators and overlays one with the exact voxel counts', async () => {
  const { page, screenshot, errors } = session.browser;
  await page.goto(session.viewer.baseUrl, { waitUntil: 'domcontentloaded' });
  const studyRow = page.getByText(demoCase.PatientID).first();
  await studyRow.waitFor({ timeout: 120_000 });
  await studyRow.click();
  const modeButton = page.getByRole('button', { name: 'Segmentation QC' }).first();
  await modeButton.waitFor();
  await screenshot('01-study-list');
  await modeButton.click();

  await page.waitForURL(/\/segmentation-qc\?StudyInstanceUIDs=/);
  const imageId = await (await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 })).jsonValue();
  expect(imageId).toContain(`/series/${ctSeries.SeriesInstanceUID}/`);

  const annotators = page.getByTestId('segqc-annotator');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=segqc-annotator]').length === n, ctSegCreators.length);
  expect((await annotators.allTextContents()).sort()).toEqual(ctSegCreators.map(asShown).sort());
  await screenshot('02-viewer-with-panel');

  const seg = demoCase.segs[0];
  const row = page.getByTestId('segqc-annotation').filter({ has: page.getByText(asShown(seg.annotator.name), { exact: true }) });
  await row.getByTestId('segqc-toggle').click();
  await row.and(page.locator('[data-shown=true]')).waitFor({ timeout: 60_000 });
  const segmentationId = (await row.getAttribute('data-uid'))!;
  const counts = await page.evaluate(labelmapVoxelCounts, segmentationId);
  expect(counts).toEqual(Object.fromEntries(seg.segments.map((s) => [s.number, s.voxelCount])));
  // Show brings the annotation into view: the viewport moved to a slice through its first segment.
  expect(await page.evaluate(voxelsOnCurrentSlice, [segmentationId, seg.segments[0].number] as [string, number])).toBeGreaterThan(0);
  await screenshot('03-annotation-shown');

  await row.getByTestId('segqc-toggle').click();
  await row.and(page.locator('[data-shown=false]')).waitFor();
  expect(await page.evaluate(labelmapVoxelCounts, segmentationId)).toEqual(counts); // hidden from the viewport, not deleted
  expect(errors).toEqual([]);
});

test('an MR lesion annotation drawn on FLAIR brings the FLAIR series into the viewport and overlays there', async () => {
  const { page, screenshot, errors } = session.browser;
  const flair = mrCase.series.find((s) => s.sequence === 'FLAIR')!;
  const seg = mrCase.segs[0];
  expect(seg.sourceSeriesInstanceUID).toBe(flair.SeriesInstanceUID);
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${mrCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  const initialImageId = await (await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 })).jsonValue();
  expect(initialImageId).not.toContain(`/series/${flair.SeriesInstanceUID}/`); // the study opens on another series
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=segqc-annotator]').length === n, mrCase.segs.length);

  const row = page.getByTestId('segqc-annotation').filter({ has: page.getByText(asShown(seg.annotator.name), { exact: true }) });
  await row.getByTestId('segqc-toggle').click();
  await row.and(page.locator('[data-shown=true]')).waitFor({ timeout: 60_000 });
  // The jump to the lesion may still be loading that slice: wait for it to be rendered.
  const shownImageId = await (await page.waitForFunction(currentImageId, null, { timeout: 60_000, polling: 250 })).jsonValue();
  expect(shownImageId).toContain(`/series/${flair.SeriesInstanceUID}/`);
  const counts = await page.evaluate(labelmapVoxelCounts, (await row.getAttribute('data-uid'))!);
  expect(counts).toEqual(Object.fromEntries(seg.segments.map((s) => [s.number, s.voxelCount])));
  await screenshot('04-mr-flair-annotation');
  expect(errors).toEqual([]);
});

test('a SEG whose frames cannot be decoded stays listed, with its error, beside the readable ones', async () => {
  const { page, screenshot } = session.browser;
  const source = demoCase.segs[1];
  const segFile = [...generateDemoFiles({ cases: [demoCase.caseId] })].find((file) => file.path === source.path)!;
  const corrupt = segWithTruncatedPixelData(segFile.bytes, 'truncated-ct-01');
  await stowInstances(session.pacs.dicomwebUrl, [corrupt.bytes]);

  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=segqc-annotator]').length === n, ctSegCreators.length + 1);
  const row = page.getByTestId('segqc-annotation').filter({ has: page.getByText('Broken, Writer', { exact: true }) });
  await row.getByTestId('segqc-toggle').click();
  const error = await row.getByTestId('segqc-error').textContent({ timeout: 60_000 });
  expect(error).toMatch(/^the PACS answered HTTP \d{3}|SEG/);
  expect(error).not.toContain('[object');
  expect(await row.getAttribute('data-shown')).toBe('false');
  await screenshot('05-unreadable-seg-listed');
  // The agreement leaves the broken SEG out, says why, and compares the three readable ones (3 pairs × 3 structures).
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  expect(await page.getByTestId('segqc-review-excluded').textContent()).toMatch(/^Broken, Writer is left out of the agreement: ./);
  expect(await page.getByTestId('segqc-review-row').count()).toBe(9);
  // the readable annotations are still listed and can still be shown
  const readable = page.getByTestId('segqc-annotation').filter({ has: page.getByText(asShown(demoCase.segs[2].annotator.name), { exact: true }) });
  await readable.getByTestId('segqc-toggle').click();
  await readable.and(page.locator('[data-shown=true]')).waitFor({ timeout: 60_000 });
});

test("another site cannot frame the viewer (frame-ancestors 'none'), and the browser's report of it reaches the server", async () => {
  const { page } = session.browser;
  const framingSite = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><iframe id="viewer" src="${session.viewer.baseUrl}/" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => framingSite.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(framingSite.address() as AddressInfo).port}/`);
    const frame = await (await page.waitForSelector('#viewer')).contentFrame();
    await pollUntil(() => frame?.url() ?? '', (url) => url.startsWith('chrome-error:'), 15_000, 'the framed viewer is refused');
    await pollUntil(() => session.viewer.cspViolations.map((violation) => violation.violatedDirective), (directives) => directives.includes('frame-ancestors'), 15_000, 'the frame-ancestors violation is reported');
  } finally {
    framingSite.closeAllConnections();
    framingSite.close();
  }
  // The expected violation is this test's; the session's check after each test sees none other.
  expect(session.viewer.cspViolations.splice(0).every((violation) => violation.violatedDirective === 'frame-ancestors')).toBe(true);
  session.browser.errors.splice(0);
});
