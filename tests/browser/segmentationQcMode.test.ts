import { demoManifest } from '@segqc/demo-data';
import { launchBrowser } from '../harness/browser';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import { startTestViewer } from '../harness/testViewer';

// What a reviewer does first: find a demo CT in the study list, open it in Segmentation QC, see
// the three annotators, and overlay one annotation. It runs the untouched prebuilt OHIF viewer with
// our two bundles on a real Orthanc, and checks the viewer's own state against the generator's
// manifest: the image in the viewport, and the labelmap voxel count of each segment.
jest.setTimeout(300_000);

const CASE_ID = 'ct-01';
const demoCase = demoManifest({ cases: [CASE_ID] }).cases[0];
const ctSeries = demoCase.series.find((s) => s.Modality === 'CT')!;
const asShown = (dicomName: string) => dicomName.split('^').slice(0, 2).filter(Boolean).join(', ');

let pacs: TestPacs;
let viewer: Awaited<ReturnType<typeof startTestViewer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  pacs = await startTestPacs([CASE_ID]);
  viewer = await startTestViewer(pacs.dicomwebUrl);
  browser = await launchBrowser('segmentation-qc-ct');
});
afterAll(async () => {
  await browser?.close();
  await viewer?.stop();
  await pacs?.stop();
});

/** The imageId of the active viewport's current image, once cornerstone has rendered one. */
function currentImageId(): string | null {
  const cornerstone = (window as any).cornerstone;
  const viewports = cornerstone?.getRenderingEngines?.().flatMap((engine: any) => engine.getViewports()) ?? [];
  for (const viewport of viewports) {
    const imageId = viewport.getCurrentImageId?.();
    if (imageId && cornerstone.cache.getImage(imageId) && viewport.getImageData?.()) return imageId;
  }
  return null;
}

/** Foreground voxels per segment of a segmentation in cornerstone's state, over every labelmap layer. */
function labelmapVoxelCounts(segmentationId: string): Record<number, number> | null {
  const { cornerstone, cornerstoneTools } = window as any;
  const segmentation = cornerstoneTools.segmentation.state.getSegmentation(segmentationId);
  const labelmap = segmentation?.representationData?.Labelmap;
  if (!labelmap) return null;
  const counts: Record<number, number> = {};
  for (const [segmentIndex, binding] of Object.entries<any>(labelmap.segmentBindings ?? {})) {
    const layer = labelmap.labelmaps?.[binding.labelmapId] ?? labelmap;
    let n = 0;
    for (const imageId of layer.imageIds) {
      const pixels = cornerstone.cache.getImage(imageId).voxelManager.getScalarData();
      for (let i = 0; i < pixels.length; i++) if (pixels[i] === binding.labelValue) n++;
    }
    counts[Number(segmentIndex)] = n;
  }
  return counts;
}

test('opens a demo CT in Segmentation QC from the study list, lists its annotators and overlays one with the exact voxel counts', async () => {
  const { page, screenshot, errors } = browser;
  await page.goto(viewer.baseUrl, { waitUntil: 'domcontentloaded' });
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
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=segqc-annotator]').length === n, demoCase.segs.length);
  expect((await annotators.allTextContents()).sort()).toEqual(demoCase.segs.map((s) => asShown(s.annotator.name)).sort());
  await screenshot('02-viewer-with-panel');

  const seg = demoCase.segs[0];
  const row = page.getByTestId('segqc-annotation').filter({ has: page.getByText(asShown(seg.annotator.name), { exact: true }) });
  await row.getByTestId('segqc-toggle').click();
  await row.and(page.locator('[data-shown=true]')).waitFor({ timeout: 60_000 });
  const segmentationId = (await row.getAttribute('data-uid'))!;
  const counts = await page.evaluate(labelmapVoxelCounts, segmentationId);
  expect(counts).toEqual(Object.fromEntries(seg.segments.map((s) => [s.number, s.voxelCount])));
  await screenshot('03-annotation-shown');

  await row.getByTestId('segqc-toggle').click();
  await row.and(page.locator('[data-shown=false]')).waitFor();
  expect(errors).toEqual([]);
});
