import { writeFileSync } from 'node:fs';
import { demoManifest } from '@segqc/demo-data';
import { stowInstances } from '@segqc/server';
import { launchBrowser } from '../harness/browser';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import { startTestViewer } from '../harness/testViewer';
import { demoReport } from '../../packages/core/src/sr/qcReport.fixture';
import { writeQcReport } from '../../packages/core/src/sr/buildQcReport';
import { uidFromName } from '../../packages/core/src/dicom/uid';

jest.setTimeout(600_000);
const [demoCase] = demoManifest({ cases: ['ct-01'] }).cases;
let pacs: TestPacs;
let viewer: Awaited<ReturnType<typeof startTestViewer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  pacs = await startTestPacs([demoCase.caseId]);
  const withRegions = demoReport('ct-01', ['rivera', 'chen', 'okafor']);
  const init = { ...withRegions.init };
  const noRegions = { ...init, sopInstanceUid: uidFromName('noregions'), seriesInstanceUid: uidFromName('noregions series'), seriesNumber: 991,
    structures: init.structures.map((s) => ({ ...s, annotations: s.annotations.map(({ displayRegion, ...a }) => a) })) };
  const which = process.env.SR_VARIANT ?? 'regions';
  await stowInstances(pacs.dicomwebUrl, [writeQcReport(which === 'regions' ? init : noRegions)]);
  viewer = await startTestViewer(pacs.dicomwebUrl);
  browser = await launchBrowser('tmp-sr-' + which);
});
afterAll(async () => {
  await browser?.close();
  await viewer?.stop();
  await pacs?.stop();
});

test('open SR', async () => {
  const { page, screenshot, errors } = browser;
  await page.goto(`${viewer.baseUrl}/viewer?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(20000);
  await screenshot('01');
  const skip = page.getByText('Skip all');
  if (await skip.count()) await skip.first().click();
  const thumb = page.getByText('SegQC quality control report').first();
  await thumb.waitFor({ timeout: 60000 });
  await thumb.dblclick();
  await page.waitForTimeout(20000);
  await screenshot('02');
  const anns = await page.evaluate(() => {
    const ct = (window as any).cornerstoneTools;
    return ct.annotation.state.getAllAnnotations().filter((a: any) => a.metadata.toolName === 'DICOMSRDisplay').map((a: any) => ({ uid: a.data.TrackingUniqueIdentifier, labels: a.data.labels, img: a.metadata.referencedImageId }));
  });
  writeFileSync('/tmp/sr-anns.json', JSON.stringify({ anns, errors }, null, 1));
  console.log(anns.length, JSON.stringify(anns[0]).slice(0, 1500), errors);
});
