import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSop } from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { browserSession } from '../harness/browserSession';
import { brushRadiusBecomes } from '../harness/brushRadius';
import { declareIdentity } from '../harness/declareIdentity';

// Issue 16: annotate mode opened the MR study mr-01 on T1, the first series, with "No SOP in force"
// although the library's SOP is for FLAIR; the checklist and Save were on another tab than the
// brush, and the brush was OHIF's 25 mm for lesions of 3 mm or more. The mode must put the annotator
// on FLAIR with the FLAIR SOP in force, the SOP's checklist and Save in the tab of OHIF's
// segmentation tools, and the brush at the SOP's size for the lesion.
jest.setTimeout(300_000);

const [demoCase] = demoManifest({ cases: ['mr-01'] }).cases;
const flair = demoCase.series.find((series) => series.sequence === 'FLAIR')!;
const SOP_DIR = join(__dirname, '..', '..', 'platform-config', 'sops');
const readJson = (name: string): object => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8')) as object;
const sop = loadSop(readJson('mr-brain-flair-lesion.json'), readJson('sop.schema.json'));

const session = browserSession({ cases: [demoCase.caseId], name: 'annotate-on-sop-series' });

/** Whether a viewport shows an image of the series (WADO-RS imageIds name it). Runs in the page. */
function showsSeries(seriesInstanceUid: string): boolean {
  const viewports = (window as any).cornerstone?.getRenderingEngines?.().flatMap((engine: any) => engine.getViewports()) ?? [];
  return viewports.some((viewport: any) => (viewport.getCurrentImageId?.() as string | undefined)?.includes(`/series/${seriesInstanceUid}/`));
}

test('mr-01 opens on FLAIR with the FLAIR SOP in force; checklist, Save and OHIF\'s brush share a tab; the brush is the SOP\'s', async () => {
  const { page, screenshot, errors } = session.browser;
  // OHIF's hanging protocol shows the first series: T1, not the one the SOP is for.
  const byNumber = [...demoCase.series].sort((a, b) => a.SeriesNumber - b.SeriesNumber);
  expect(byNumber.map((series) => series.sequence)).toEqual(['T1', 'T2', 'FLAIR']);

  await page.goto(`${session.viewer.baseUrl}/segmentation-qc-annotate?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(showsSeries, flair.SeriesInstanceUID, { timeout: 120_000, polling: 250 });
  expect(await page.getByTestId('segqc-sop-id').textContent({ timeout: 60_000 })).toBe(sop.id);
  expect(await page.getByTestId('segqc-sop-hash').textContent()).toBe(sop.reference.shortHash);

  // One tab: SegQC's checklist and Save with OHIF's segmentation tools, under the brush icon.
  expect(await page.locator('[data-cy="panelSegmentationWithToolsLabelMap-btn"]').count()).toBe(0);
  await page.locator('[data-cy="segqc-annotate-btn"]').waitFor();
  await declareIdentity(page, { name: 'Nakamura^Yui', login: 'ynakamura' });
  await page.getByTestId('segqc-start-segmentation').click();
  await page.getByTestId('segqc-session').waitFor({ timeout: 60_000 });
  await page.locator('[data-cy="Brush-btn"]').waitFor();
  expect(await page.getByTestId('segqc-save').isVisible()).toBe(true);
  expect(await page.getByTestId('segqc-checklist-item').count()).toBe(sop.checklist.filter((item) => item.role === 'annotator').length);

  // The lesion is segment 1, selected at the start: the brush takes the SOP's 1.5 mm, not OHIF's 25.
  expect(sop.structures[0].brushMm).toBe(1.5);
  await brushRadiusBecomes(page, sop.structures[0].brushMm);
  // Still on FLAIR after the segmentation started on it.
  expect(await page.evaluate(showsSeries, flair.SeriesInstanceUID)).toBe(true);
  await screenshot('01-flair-sop-brush');
  expect(errors).toEqual([]);
});
