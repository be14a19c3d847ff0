import { demoManifest } from '@segqc/demo-data';
import { BitMask, qcReportSeriesUid, readQcReport, readSegHeader, readSegmentation, referenceSegSeriesUid } from '@segqc/core';
import { adjudicationSigned } from '../harness/adjudicationSigned';
import { browserSession } from '../harness/browserSession';
import { declareIdentity } from '../harness/declareIdentity';
import { demoCaseMasks, type DemoCaseMasks } from '../harness/demoCaseMasks';
import { reportDecisions } from '../harness/qcReportDecisions';
import { sameVoxels } from '../harness/sameVoxels';
import { storedInstance } from '../harness/storedInstances';
import { currentSopInstanceUid } from '../harness/viewportImage';

// The adjudicator finds no annotation of the right lung good enough as it is: they start from
// Rivera's, add to it with OHIF's own Brush (real mouse strokes, in OHIF's segmentation panel,
// which unmounts SegQC's panel), come back, accept Rivera for the other structures and sign. The
// reference SEG in Orthanc must hold, for the right lung, Rivera's mask plus exactly the voxels
// cornerstone's labelmap gained under the brush — read in the page before signing, never assumed —
// and the verified QC report must record the right lung as edited by the adjudicator.
jest.setTimeout(400_000);

const CASE = 'ct-08';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const study = demoCase.StudyInstanceUID;
const EDITED = 'Right lung';
const ACCEPTED = ['Left lung', 'Lung nodule'];
const RIVERA = 'Rivera, Ana';

let truth: DemoCaseMasks;
beforeAll(() => {
  truth = demoCaseMasks(CASE);
});
const session = browserSession({ cases: [CASE], name: 'adjudication-edit' });

/** Segment 1's voxels of a labelmap in cornerstone's state: pixel indices per SOP Instance UID of the source image. */
function labelmapVoxelsBySop(segmentationId: string): Record<string, number[]> {
  const { cornerstone, cornerstoneTools } = window as any;
  const labelmap = cornerstoneTools.segmentation.state.getSegmentation(segmentationId).representationData.Labelmap;
  const binding = labelmap.segmentBindings?.[1] ?? { labelValue: 1 };
  const layer = labelmap.labelmaps?.[binding.labelmapId] ?? labelmap;
  const voxels: Record<string, number[]> = {};
  layer.imageIds.forEach((imageId: string, n: number) => {
    const sop = /\/instances\/([^/]+)\/frames\//.exec(layer.referencedImageIds[n])![1];
    const pixels = cornerstone.cache.getImage(imageId).voxelManager.getScalarData();
    const painted: number[] = [];
    for (let i = 0; i < pixels.length; i++) if (pixels[i] === binding.labelValue) painted.push(i);
    if (painted.length > 0) voxels[sop] = painted;
  });
  return voxels;
}

/** The labelmap as a mask on the test's grid (slice k is the image truth.sliceSopInstanceUids[k]). */
function maskOfVoxels(voxels: Record<string, number[]>): BitMask {
  const { grid } = truth.maskOf('rivera', EDITED);
  const mask = new BitMask(grid);
  for (const [sop, pixels] of Object.entries(voxels)) {
    const k = truth.sliceSopInstanceUids.indexOf(sop);
    if (k < 0) throw new Error(`the labelmap has an image of SOP Instance ${sop}, not of the CT`);
    for (const p of pixels) mask.set(k * grid.rows * grid.columns + p);
  }
  return mask;
}

/** Page coordinates of image pixels (column, row) on the viewport's current image. */
function pagePointsOfPixels(pixels: Array<[number, number]>): Array<[number, number]> {
  const { cornerstone } = window as any;
  const viewport = cornerstone.getRenderingEngines()[0].getViewports()[0];
  const imageId = viewport.getCurrentImageId();
  const box = (viewport.element as HTMLElement).getBoundingClientRect();
  return pixels.map(([column, row]) => {
    const [x, y] = viewport.worldToCanvas(cornerstone.utilities.imageToWorldCoords(imageId, [column, row]));
    return [box.x + x, box.y + y];
  });
}

/** A brush stroke with the mouse through the given page points. */
async function stroke(points: Array<[number, number]>) {
  const { page } = session.browser;
  await page.mouse.move(...points[0]);
  await page.mouse.down();
  for (const [from, to] of points.slice(0, -1).map((point, n) => [point, points[n + 1]] as const)) {
    for (let step = 1; step <= 8; step++) await page.mouse.move(from[0] + ((to[0] - from[0]) * step) / 8, from[1] + ((to[1] - from[1]) * step) / 8);
  }
  await page.mouse.up();
}

const minus = (a: BitMask, b: BitMask) => new BitMask(a.grid, a.words.map((word, n) => word & ~b.words[n]));
const union = (a: BitMask, b: BitMask) => new BitMask(a.grid, a.words.map((word, n) => word | b.words[n]));
const intersection = (a: BitMask, b: BitMask) => new BitMask(a.grid, a.words.map((word, n) => word & b.words[n]));
const row = (structure: string) => session.browser.page.locator(`[data-testid=segqc-adjudication-structure][data-structure="${structure}"]`);

async function reviewDone() {
  await session.browser.page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  await session.browser.page.getByTestId('segqc-adjudication').waitFor();
}

test('an edit started from Rivera\'s right lung and painted with OHIF\'s brush becomes the reference SEG, voxel for voxel, and the report says edited', async () => {
  const { page, screenshot, errors } = session.browser;
  const rivera = truth.maskOf('rivera', EDITED);
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${study}`, { waitUntil: 'domcontentloaded' });
  await reviewDone();

  // "Edit, starting from Rivera": a labelmap of its own, holding exactly Rivera's right lung.
  await row(EDITED).getByTestId('segqc-adjudication-method').selectOption({ label: `Edit, starting from ${RIVERA}` });
  const editing = row(EDITED).locator('[data-testid=segqc-adjudication-edit][data-status=editing]');
  await editing.waitFor({ timeout: 60_000 });
  const segmentationId = (await editing.getAttribute('data-segmentation-id'))!;
  expect(await row(EDITED).getAttribute('data-method')).toBe('edited');
  const segments = await page.evaluate((id) => Object.values<any>((window as any).cornerstoneTools.segmentation.state.getSegmentation(id).segments).map((s) => [s.segmentIndex, s.label]), segmentationId);
  expect(segments).toEqual([[1, EDITED]]);
  const before = maskOfVoxels(await page.evaluate(labelmapVoxelsBySop, segmentationId));
  expect(sameVoxels(before, rivera)).toBe(true);
  // The viewport went to a slice through the right lung.
  const k = truth.sliceSopInstanceUids.indexOf((await page.evaluate(currentSopInstanceUid))!);
  const { columns, rows } = rivera.grid;
  let onSlice = 0;
  for (let p = 0; p < columns * rows; p++) if (rivera.get(k * columns * rows + p)) onSlice++;
  expect(onSlice).toBeGreaterThan(0);
  await screenshot('01-edit-started-from-rivera');

  // OHIF's Brush, from its labelmap segmentation panel: a stroke across the front of the chest,
  // far from the right lung (checked below: nothing painted lies inside Rivera's mask).
  await page.locator('[data-cy="panelSegmentationWithToolsLabelMap-btn"]').click();
  await page.locator('[data-cy="Brush-btn"]').click();
  await stroke(await page.evaluate(pagePointsOfPixels, [[columns * 0.42, rows * 0.1], [columns * 0.5, rows * 0.12], [columns * 0.58, rows * 0.1]] as Array<[number, number]>));
  const after = maskOfVoxels(await page.evaluate(labelmapVoxelsBySop, segmentationId));
  const gained = minus(after, before);
  expect(gained.count()).toBeGreaterThan(0);
  expect(minus(before, after).count()).toBe(0); // nothing of Rivera's was lost
  expect(intersection(gained, rivera).count()).toBe(0); // the stroke lies outside the starting mask
  await screenshot('02-painted-with-ohif-brush');

  // Back to SegQC's panel, remounted (the case is reviewed anew): the edit is still the right lung's reference.
  await page.locator('[data-cy="segqc-annotations-btn"]').click();
  await reviewDone();
  await editing.waitFor({ timeout: 60_000 });
  expect(await editing.getAttribute('data-segmentation-id')).toBe(segmentationId);
  expect(await row(EDITED).getAttribute('data-method')).toBe('edited');

  // Rivera for the other structures, a reason for each escalated one, the SOP's items, who signs.
  const section = page.getByTestId('segqc-adjudication');
  for (const structure of ACCEPTED) await row(structure).getByTestId('segqc-adjudication-method').selectOption({ label: `Accept ${RIVERA}` });
  for (const structure of [EDITED, ...ACCEPTED]) {
    if ((await row(structure).getAttribute('data-escalated')) === 'true') await row(structure).locator('[data-testid=segqc-adjudication-reason][value=boundaryDisagreement]').check();
  }
  for (const item of await section.locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();
  await declareIdentity(page, { name: 'Singh^Priya', login: 'psingh' });
  // What the signature will take: the labelmap as it is now, read in the page.
  const signed = maskOfVoxels(await page.evaluate(labelmapVoxelsBySop, segmentationId));
  expect(sameVoxels(signed, after)).toBe(true);
  await screenshot('03-decisions');
  await section.getByTestId('segqc-adjudication-sign').click();
  const done = await adjudicationSigned(page);
  const reportUid = (await done.getAttribute('data-report'))!;
  const referenceUid = (await done.getAttribute('data-reference'))!;
  await screenshot('04-signed');

  // In Orthanc: the right lung is Rivera's plus exactly what the brush added; the others are Rivera's.
  const referenceBytes = await storedInstance(session.pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: referenceSegSeriesUid(study) }, referenceUid);
  expect(readSegHeader(referenceBytes).contentLabel).toBe('ADJUDICATED');
  const reference = readSegmentation(referenceBytes, truth.sourceImages);
  const referenceOf = (structure: string) => reference.segments.find((s) => s.label === structure)!.mask;
  expect(sameVoxels(referenceOf(EDITED), union(rivera, gained))).toBe(true);
  expect(referenceOf(EDITED).count()).toBe(rivera.count() + gained.count());
  for (const structure of ACCEPTED) expect(sameVoxels(referenceOf(structure), truth.maskOf('rivera', structure))).toBe(true);

  // … and the verified report records the right lung as edited by the adjudicator.
  const report = readQcReport(await storedInstance(session.pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: qcReportSeriesUid(study) }, reportUid)).qc!;
  expect(report.verification).toMatchObject({ name: 'Singh^Priya', login: 'psingh' });
  expect(reportDecisions(report)[EDITED]).toEqual({ outcome: 'edited', reasons: [{ reason: 'boundaryDisagreement' }] });
  for (const structure of ACCEPTED) expect(reportDecisions(report)[structure]).toMatchObject({ outcome: 'accepted', acceptedAnnotation: 'A' });
  expect(errors).toEqual([]);
});
