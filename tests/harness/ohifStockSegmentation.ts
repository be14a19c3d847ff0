import type { Page } from 'playwright-core';
import { labelmapVoxelCounts } from './labelmapCounts';

// A reader's work in OHIF 3.13's own segmentation mode (@ohif/mode-segmentation, route
// `segmentation`, bundled in the prebuilt viewer), done through its UI as a hospital's reader does
// it (issue 13): add a segmentation, rename its segment, paint with the Brush, and store it with
// Export → DICOM SEG → Save. The page is only read (page.evaluate), never written: the functions
// handed to page.evaluate run in the page, so each is self-contained.

/** A point of an image in pixels: [column, row]. */
export type ImagePoint = [number, number];

/** The brush radius the readers use: strokes this wide stay inside the phantom's right lung. */
export const BRUSH_RADIUS_MM = 8;

/** One reader's session: the segment's label (OHIF's default "Segment 1" when not given), the strokes, the series description typed at export. */
export interface ReaderWork {
  seriesDescription: string;
  segmentLabel?: string;
  strokes: Array<{ imageIndex: number; from: ImagePoint; to: ImagePoint }>;
}

export interface ExportedWork {
  sopInstanceUid: string;
  /** Cornerstone's segmentation just before the export: each segment's label, its voxels, and the source images it has voxels on. */
  labels: Record<number, string>;
  voxelCounts: Record<number, number>;
  paintedImages: Record<number, string[]>;
}

/** A reader's whole session in a freshly opened stock segmentation mode, from "Add segmentation" to the stored SEG. */
export async function segmentAndExport(page: Page, baseUrl: string, studyInstanceUid: string, work: ReaderWork): Promise<ExportedWork> {
  await openStockSegmentationMode(page, baseUrl, studyInstanceUid);
  const segmentationId = await addSegmentation(page);
  if (work.segmentLabel) await renameSegment(page, 'Segment 1', work.segmentLabel);
  await chooseBrush(page, BRUSH_RADIUS_MM);
  for (const { imageIndex, from, to } of work.strokes) await paintStroke(page, imageIndex, from, to);
  const labels = await page.evaluate(segmentLabels, segmentationId);
  const voxelCounts = (await page.evaluate(labelmapVoxelCounts, segmentationId))!;
  const paintedImages = await page.evaluate(labelmapPaintedImages, segmentationId);
  return { sopInstanceUid: await exportDicomSeg(page, work.seriesDescription), labels, voxelCounts, paintedImages };
}

/** Opens the study in OHIF's stock segmentation mode and waits for its first image. */
export async function openStockSegmentationMode(page: Page, baseUrl: string, studyInstanceUid: string): Promise<void> {
  await page.goto(`${baseUrl}/segmentation?StudyInstanceUIDs=${studyInstanceUid}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(imageShown, null, { timeout: 120_000, polling: 250 });
}

/** "Add segmentation" in the Label map segmentations panel; returns the new segmentation's id. */
export async function addSegmentation(page: Page): Promise<string> {
  const before = await page.evaluate(segmentationIds);
  await page.getByText('Add segmentation', { exact: true }).click();
  const added = await page.waitForFunction(
    (known) => (window as any).cornerstoneTools.segmentation.state.getSegmentations().map((s: any) => s.segmentationId).find((id: string) => !known.includes(id)),
    before,
    { timeout: 60_000 },
  );
  return (await added.jsonValue()) as string;
}

/** The segment's own menu (⋯) → Rename → "Edit Segment Label" dialog → Save. */
export async function renameSegment(page: Page, label: string, newLabel: string): Promise<void> {
  await page.locator('[data-cy="data-row"]', { has: page.locator('[data-cy="data-row-title"]', { hasText: label }) }).locator('[data-cy="actionsMenuTrigger"]').click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Segment Label' });
  await dialog.getByPlaceholder('Enter new label').fill(newLabel);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-cy="data-row-title"]', { hasText: newLabel }).waitFor();
}

/** The Label map tools' Brush, with its radius typed into the tool's Radius (mm) field. */
export async function chooseBrush(page: Page, radiusMm: number): Promise<void> {
  await page.locator('[data-cy="Brush-btn"]').click();
  const radius = page.locator('[data-cy="brush-radius"] input[type=number]');
  await radius.fill(String(radiusMm));
  await radius.press('Enter');
  await page.locator(`[data-cy="brush-radius"] [role=slider][aria-valuenow="${radiusMm}"]`).waitFor();
}

/**
 * Scrolls the viewport with the mouse wheel (OHIF's stack scroll) to the image at `imageIndex` of
 * its stack (from 0; OHIF's "I:" overlay shows it plus one) and paints a brush stroke from `from` to `to`.
 */
export async function paintStroke(page: Page, imageIndex: number, from: ImagePoint, to: ImagePoint): Promise<void> {
  const box = await page.evaluate(viewportBox);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let current = await page.evaluate(currentImageIndex); current !== imageIndex; current = await page.evaluate(currentImageIndex)) {
    await page.mouse.wheel(0, current < imageIndex ? 100 : -100);
  }
  await page.waitForFunction(imageShown, null, { timeout: 60_000, polling: 100 });
  const [start, end] = await page.evaluate(imagePointsOnPage, [from, to]);
  await page.mouse.move(...start);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(start[0] + ((end[0] - start[0]) * step) / 10, start[1] + ((end[1] - start[1]) * step) / 10);
  await page.mouse.up();
}

/**
 * Export → DICOM SEG from the segmentation's menu, the series description typed into the "Store
 * Segmentation" dialog, Save: OHIF stores the SEG with STOW-RS. Returns its SOP Instance UID, from
 * the PACS's STOW answer.
 */
export async function exportDicomSeg(page: Page, seriesDescription: string): Promise<string> {
  await page.locator('[data-cy="segmentation-collapsed-more-btn-Labelmap"]').click();
  await page.getByRole('menuitem', { name: 'Export' }).hover();
  await page.getByRole('menuitem', { name: 'DICOM SEG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Store Segmentation' });
  await dialog.getByPlaceholder('Report name').fill(seriesDescription);
  const stow = page.waitForResponse((response) => response.request().method() === 'POST' && /\/dicom-web\/studies(\/[^/]+)?$/.test(new URL(response.url()).pathname), { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Save' }).click();
  const answer = await stow;
  if (!answer.ok()) throw new Error(`OHIF's STOW-RS of "${seriesDescription}" was answered ${answer.status()}`);
  const stored = (await answer.json()) as Record<string, { Value?: Array<Record<string, { Value?: string[] }>> }>;
  const sopInstanceUid = stored['00081199']?.Value?.[0]?.['00081155']?.Value?.[0];
  if (!sopInstanceUid) throw new Error(`the PACS's STOW answer for "${seriesDescription}" names no stored instance`);
  return sopInstanceUid;
}

/** SOP Instance UIDs of the source images each segment has voxels on, by segment index. */
export function labelmapPaintedImages(segmentationId: string): Record<number, string[]> {
  const { cornerstone, cornerstoneTools } = window as any;
  const segmentation = cornerstoneTools.segmentation.state.getSegmentation(segmentationId);
  const labelmap = segmentation.representationData.Labelmap;
  const painted: Record<number, string[]> = {};
  for (const segmentIndex of Object.keys(segmentation.segments)) {
    const binding = labelmap.segmentBindings?.[segmentIndex] ?? { labelValue: Number(segmentIndex) };
    const layer = labelmap.labelmaps?.[binding.labelmapId] ?? labelmap;
    painted[Number(segmentIndex)] = layer.imageIds.flatMap((imageId: string, slice: number) => {
      const pixels = cornerstone.cache.getImage(imageId).voxelManager.getScalarData();
      if (!pixels.includes(binding.labelValue)) return [];
      return [layer.referencedImageIds[slice].match(/\/instances\/([^/]+)\/frames\//)[1]];
    });
  }
  return painted;
}

/** Each segment's label in cornerstone's state, by segment index. */
export function segmentLabels(segmentationId: string): Record<number, string> {
  const { segments } = (window as any).cornerstoneTools.segmentation.state.getSegmentation(segmentationId);
  return Object.fromEntries(Object.values<any>(segments).map((segment) => [segment.segmentIndex, segment.label]));
}

function segmentationIds(): string[] {
  return (window as any).cornerstoneTools.segmentation.state.getSegmentations().map((s: any) => s.segmentationId);
}

/** The stack viewport shows a loaded image. */
function imageShown(): boolean {
  const viewport = (window as any).cornerstone?.getRenderingEngines?.()[0]?.getViewports()[0];
  const imageId = viewport?.getCurrentImageId?.();
  return Boolean(imageId && (window as any).cornerstone.cache.getImage(imageId) && viewport.getImageData?.());
}

function currentImageIndex(): number {
  return (window as any).cornerstone.getRenderingEngines()[0].getViewports()[0].getCurrentImageIdIndex();
}

function viewportBox(): { x: number; y: number; width: number; height: number } {
  const { x, y, width, height } = ((window as any).cornerstone.getRenderingEngines()[0].getViewports()[0].element as HTMLElement).getBoundingClientRect();
  return { x, y, width, height };
}

/** Page coordinates of image points of the image the viewport shows, through cornerstone's own transforms. */
function imagePointsOnPage(points: Array<[number, number]>): Array<[number, number]> {
  const { cornerstone } = window as any;
  const viewport = cornerstone.getRenderingEngines()[0].getViewports()[0];
  const { x, y } = (viewport.element as HTMLElement).getBoundingClientRect();
  const imageId = viewport.getCurrentImageId();
  return points.map((point) => {
    const [cx, cy] = viewport.worldToCanvas(cornerstone.utilities.imageToWorldCoords(imageId, point));
    return [x + cx, y + cy];
  });
}
