import {
  jsonSequence, jsonString, readPart10, readSegHeader, readSegmentation, retrieveInstance, retrieveSeriesMetadata, searchForSeries,
  sourceImageFromDicomJson, type NaturalDataset,
} from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { SELF_DECLARED_CREATOR } from '../../extensions/segmentation-qc/src/annotate/annotationContentDescription';
import { ctLungNoduleSop } from '../../packages/core/src/review/review.fixture';
import { browserSession } from '../harness/browserSession';
import { brushRadiusBecomes } from '../harness/brushRadius';
import { declareIdentity } from '../harness/declareIdentity';
import { labelmapVoxelCounts, voxelsOnCurrentSlice } from '../harness/labelmapCounts';
import { currentImageId } from '../harness/viewportImage';

// What an annotator does: open a CT in "Segmentation QC — annotate", say who they are, start a
// segmentation whose segments are the SOP's structures, paint with OHIF's own Brush — beside the
// checklist and Save in one tab, its radius the SOP's for the structure selected (issue 16) — tick
// the SOP's checklist and save. The SEG must reach the PACS through the durable outbox stamped with
// the annotator, the time and the SOP (id@version+hash), and hold exactly what cornerstone's
// labelmap held. Blinding: the study has three other annotators' SEGs and the adjudicated reference
// standard, and the viewer never shows them (no SEG display set, nothing in the series list, only the
// annotator's own SEGs listed).
jest.setTimeout(300_000);

const [demoCase] = demoManifest({ cases: ['ct-01'] }).cases;
const ctSeries = demoCase.series.find((s) => s.Modality === 'CT')!;
const sop = ctLungNoduleSop();
// A fourth annotator: the demo case has the SEGs of three others (Rivera, Chen, Okafor).
const annotator = { name: 'Nakamura^Yui', login: 'ynakamura' };

const session = browserSession({ cases: [demoCase.caseId], name: 'annotator-flow' });
const readOptions = { fetch: (url: string, init: RequestInit) => fetch(url, init) };

/** Ids of the labelmap segmentations in cornerstone's state. */
function segmentationIds(): string[] {
  return (window as any).cornerstoneTools.segmentation.state.getSegmentations().map((s: any) => s.segmentationId);
}

/**
 * The display sets the viewer made (what its series list and viewports can show) other than the
 * images: OHIF registers the annotator's own labelmap as a SEG display set made in the client.
 */
function nonImageDisplaySets(): Array<{ Modality: string; displaySetInstanceUID: string; madeInClient: boolean }> {
  return (window as any).services.displaySetService
    .getActiveDisplaySets()
    .filter((displaySet: any) => displaySet.Modality !== 'CT')
    .map(({ Modality, displaySetInstanceUID, madeInClient }: any) => ({ Modality, displaySetInstanceUID, madeInClient: madeInClient === true }));
}

/** The viewport's canvas on the page. */
function viewportBox(): { x: number; y: number; width: number; height: number } {
  const element = (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0].element as HTMLElement;
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
}

/** A brush stroke with the mouse, from (x0, y0) to (x1, y1) in fractions of the viewport. */
async function stroke(page: typeof session.browser.page, from: [number, number], to: [number, number]) {
  const box = await page.evaluate(viewportBox);
  const at = ([fx, fy]: [number, number]): [number, number] => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(from));
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    const f = step / 10;
    await page.mouse.move(...at([from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f]));
  }
  await page.mouse.up();
}

/** The SEG series of the study in the PACS, with each SEG's creator login. */
async function segsInPacs(): Promise<Array<{ seriesInstanceUid: string; sopInstanceUid: string; login: string | undefined }>> {
  const series = await searchForSeries(session.pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID }, { match: { Modality: 'SEG' } }, readOptions);
  const segs = [];
  for (const entry of series) {
    const seriesInstanceUid = jsonString(entry, '0020000E')!;
    for (const instance of await retrieveSeriesMetadata(session.pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid }, readOptions)) {
      const code = jsonSequence(jsonSequence(instance, '00700086')[0] ?? {}, '00401101')[0];
      segs.push({ seriesInstanceUid, sopInstanceUid: jsonString(instance, '00080018')!, login: code && jsonString(code, '00080100') });
    }
  }
  return segs;
}

let saved: { sopInstanceUid: string; counts: Record<number, number> };

test('an annotator paints with OHIF\'s brush under the SOP, ticks the checklist and saves a SEG that reaches the PACS', async () => {
  const { page, screenshot, errors } = session.browser;
  const othersSegs = await segsInPacs();
  expect(othersSegs.map((s) => s.login).sort()).toEqual([...demoCase.segs.map((s) => s.annotator.login), demoCase.reference!.adjudicator.login].sort());

  // The study list offers the annotate mode for the CT study.
  await page.goto(session.viewer.baseUrl, { waitUntil: 'domcontentloaded' });
  const studyRow = page.getByText(demoCase.PatientID).first();
  await studyRow.waitFor({ timeout: 120_000 });
  await studyRow.click();
  const modeButton = page.getByRole('button', { name: 'Segmentation QC — annotate' }).first();
  await modeButton.waitFor();
  await modeButton.click();
  await page.waitForURL(/\/segmentation-qc-annotate\?StudyInstanceUIDs=/);
  const imageId = await (await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 })).jsonValue();
  expect(imageId).toContain(`/series/${ctSeries.SeriesInstanceUID}/`);

  // Identity, self-declared (this viewer has no login), and the SOP chosen from the series.
  await declareIdentity(page, annotator);
  await page.locator('[data-testid=segqc-identity][data-self-declared=true]').waitFor();
  expect(await page.getByTestId('segqc-sop-id').textContent({ timeout: 60_000 })).toBe(sop.id);
  expect(await page.getByTestId('segqc-sop-hash').textContent()).toBe(sop.reference.shortHash);
  // Blinded: three SEGs of others are in the study; none is listed as the annotator's.
  await page.locator('[data-testid=segqc-own-annotations][data-state=loaded]').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('segqc-own-count').textContent()).toBe('0');
  expect(await page.evaluate(nonImageDisplaySets)).toEqual([]);
  expect(await page.getByText('Lungs and nodules').count()).toBe(0); // the demo SEGs' series description
  await screenshot('01-identity-and-sop');

  // Start: a labelmap whose segments are the SOP's structures; OHIF shows its segmentation panel.
  expect(await page.getByTestId('segqc-save').isDisabled()).toBe(true);
  await page.getByTestId('segqc-start-segmentation').click();
  const segmentationId = (await (await page.waitForFunction(() => (window as any).cornerstoneTools.segmentation.state.getSegmentations()[0]?.segmentationId, null, { timeout: 60_000 })).jsonValue()) as string;
  const segments = await page.evaluate((id) => {
    const segmentation = (window as any).cornerstoneTools.segmentation.state.getSegmentation(id);
    return Object.values<any>(segmentation.segments).map((segment) => [segment.segmentIndex, segment.label]);
  }, segmentationId);
  expect(segments).toEqual(sop.structures.map((structure, n) => [n + 1, structure.label]));

  // OHIF's Brush, from the segmentation toolbox in the same tab as the checklist and Save: a stroke
  // on the first segment (Right lung) with the lungs' 10 mm brush, then one on the Lung nodule
  // segment, selected in OHIF's segment list, which puts the brush at the nodule's 1.5 mm.
  expect(await page.locator('[data-cy="panelSegmentationWithToolsLabelMap-btn"]').count()).toBe(0);
  await brushRadiusBecomes(page, sop.structures[0].brushMm);
  const box = await page.evaluate(viewportBox);
  for (let tick = 0; tick < 45; tick++) await page.mouse.wheel(0, 100).then(() => page.mouse.move(box.x + box.width / 2, box.y + box.height / 2));
  await page.locator('[data-cy="Brush-btn"]').click();
  await stroke(page, [0.3, 0.45], [0.38, 0.55]);
  await page.locator('[data-cy="data-row-title"]', { hasText: 'Lung nodule' }).click();
  await brushRadiusBecomes(page, sop.structures[2].brushMm);
  await stroke(page, [0.66, 0.4], [0.68, 0.42]);
  const counts = (await page.evaluate(labelmapVoxelCounts, segmentationId))!;
  expect(counts[1]).toBeGreaterThan(0);
  expect(counts[2]).toBe(0);
  expect(counts[3]).toBeGreaterThan(0);
  await screenshot('02-painted-with-ohif-brush');

  // The annotate panel, above the tools: the work is still there; Save waits for every required item.
  await page.locator(`[data-testid=segqc-session][data-segmentation-id="${segmentationId}"]`).waitFor();
  const required = page.locator('[data-testid=segqc-checklist-item][data-required=true]');
  const requiredIds = await required.evaluateAll((items) => items.map((item) => item.getAttribute('data-item-id')));
  expect(requiredIds).toEqual(sop.checklist.filter((item) => item.role === 'annotator' && item.required).map((item) => item.id));
  for (const [n, item] of (await required.all()).entries()) {
    expect(await page.getByTestId('segqc-save').isDisabled()).toBe(true);
    await item.check();
    expect(await page.getByTestId('segqc-save').isDisabled()).toBe(n < requiredIds.length - 1);
  }
  await screenshot('03-checklist-ticked');
  await page.getByTestId('segqc-save').click();
  const status = page.locator('[data-testid=segqc-save-status][data-state=stored]');
  await status.waitFor({ timeout: 120_000 });
  const sopInstanceUid = (await status.getAttribute('data-sop-instance-uid'))!;
  await page.locator('[data-testid=segqc-own-annotation]').first().waitFor({ timeout: 60_000 });
  expect(await page.locator('[data-testid=segqc-own-annotation]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sop-instance-uid')))).toEqual([sopInstanceUid]);
  await screenshot('04-saved');

  // In the PACS: found by QIDO, read back by WADO, stamped and painted as in the viewer.
  const stored = (await segsInPacs()).find((s) => s.sopInstanceUid === sopInstanceUid)!;
  expect(stored.login).toBe(annotator.login);
  const bytes = await retrieveInstance(session.pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: stored.seriesInstanceUid, sopInstanceUid }, readOptions);
  const header = readSegHeader(bytes);
  expect(header).toMatchObject({ contentLabel: 'ANNOTATION', contentCreatorName: annotator.name, contentDescription: SELF_DECLARED_CREATOR, referencedSeriesInstanceUIDs: [ctSeries.SeriesInstanceUID] });
  expect(header.segments.map((s) => s.label)).toEqual(sop.structures.map((s) => s.label));
  const { dataset } = readPart10(bytes);
  expect(dataset.ProtocolName).toBe(sop.reference.toProtocolName());
  const identification = (dataset.ContentCreatorIdentificationCodeSequence as NaturalDataset[])[0];
  expect((identification.PersonIdentificationCodeSequence as NaturalDataset[])[0].CodeValue).toBe(annotator.login);
  // ContentDate/Time: when it was saved, a moment ago (the browser and this test share the clock).
  const written = new Date(`${header.contentDate!.replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')}T${header.contentTime!.replace(/(\d{2})(\d{2})(\d{2}).*/, '$1:$2:$3')}`);
  expect(Math.abs(Date.now() - written.getTime())).toBeLessThan(5 * 60_000);
  const sourceMetadata = await retrieveSeriesMetadata(session.pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: ctSeries.SeriesInstanceUID }, readOptions);
  const segmentation = readSegmentation(bytes, sourceMetadata.map((instance, n) => sourceImageFromDicomJson(instance, `instance ${n}`)));
  expect(Object.fromEntries(segmentation.segments.map((s) => [s.number, s.mask.count()]))).toEqual(counts);
  saved = { sopInstanceUid, counts };

  // Blinded throughout: of the four SEGs in the study now, none became a display set; the only
  // SEG display set is the annotator's own labelmap, made in the viewer.
  expect(await page.evaluate(nonImageDisplaySets)).toEqual([{ Modality: 'SEG', displaySetInstanceUID: segmentationId, madeInClient: true }]);
  expect(await page.getByText('Lungs and nodules').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('after a reload the annotator continues from their saved SEG: the labelmap is filled and the viewport jumps to it', async () => {
  const { page, screenshot, errors } = session.browser;
  expect(saved).toBeDefined();
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc-annotate?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 });
  // The identity is remembered in this browser; the SEG is listed as the annotator's own.
  await page.locator('[data-testid=segqc-identity][data-self-declared=true]').waitFor({ timeout: 60_000 });
  const own = page.locator(`[data-testid=segqc-own-annotation][data-sop-instance-uid="${saved.sopInstanceUid}"]`);
  await own.waitFor({ timeout: 60_000 });
  expect(await page.evaluate(segmentationIds)).toEqual([]);
  expect(await page.evaluate(nonImageDisplaySets)).toEqual([]);
  const firstImageId = await page.evaluate(currentImageId);

  await own.getByTestId('segqc-own-continue').click();
  const segmentationId = (await (await page.waitForFunction(() => (window as any).cornerstoneTools.segmentation.state.getSegmentations()[0]?.segmentationId, null, { timeout: 60_000 })).jsonValue()) as string;
  await page.waitForFunction(([id, n]) => ((window as any).cornerstoneTools.segmentation.state.getSegmentation(id) && (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0].getCurrentImageId() !== n), [segmentationId, firstImageId] as const, { timeout: 60_000 });
  expect(await page.evaluate(labelmapVoxelCounts, segmentationId)).toEqual(saved.counts);
  expect(await page.evaluate(voxelsOnCurrentSlice, [segmentationId, 1] as [string, number])).toBeGreaterThan(0);
  await screenshot('05-continued-from-own-seg');
  expect(await page.evaluate(nonImageDisplaySets)).toEqual([{ Modality: 'SEG', displaySetInstanceUID: segmentationId, madeInClient: true }]);
  expect(errors).toEqual([]);
});
