import { demoManifest } from '@segqc/demo-data';
import { readSegHeader, SOP_CLASS, voxelVolumeMl } from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { RLE_LOSSLESS } from '../../packages/core/src/seg/read/transferSyntaxes';
import { browserSession } from '../harness/browserSession';
import { demoCtSeries } from '../harness/demoCtSeries';
import { segmentAndExport, type ExportedWork, type ReaderWork } from '../harness/ohifStockSegmentation';
import { orthancStoredInstance } from '../harness/orthancStoredInstance';
import { segqc } from '../harness/segqcCommand';

// Issue 13 end to end, with OHIF's own files instead of imitations: two readers segment ct-01 in
// OHIF 3.13.2's stock segmentation mode through its UI (Add segmentation, rename the segment to the
// SOP synonym "R lung", Brush, Export → DICOM SEG → Save), and Segmentation QC compares the two
// SEGs the PACS received: named by their series descriptions, marked unattributed, on the SOP's
// "Right lung", with the voxels OHIF's labelmap held, and the rows and Dice of `segqc qc --json`.
jest.setTimeout(600_000);

const CASE = 'ct-01';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const session = browserSession({ cases: [CASE], name: 'ohif-stock-segmentation' });
const ct = demoCtSeries(CASE);

// Inside the phantom's right lung (image columns 58–68, rows 110–140) on slices 40–45 of 100:
// reader A paints every other slice, reader B four slices in a row a few pixels to the side, so
// their strokes overlap in part on slices 42 and 44.
const readerA: ReaderWork = {
  seriesDescription: 'Reader A lungs',
  segmentLabel: 'R lung',
  strokes: [39, 41, 43].map((imageIndex) => ({ imageIndex, from: [58, 110], to: [62, 140] })),
};
const readerB: ReaderWork = {
  seriesDescription: 'Reader B lungs',
  segmentLabel: 'R lung',
  strokes: [41, 42, 43, 44].map((imageIndex) => ({ imageIndex, from: [65, 110], to: [68, 140] })),
};
const nameOf = (work: ReaderWork) => `${work.seriesDescription} (unattributed)`;

test("two readers' OHIF exports reach the PACS as label map SEGs and Segmentation QC compares them on Right lung with OHIF's voxel counts", async () => {
  const { page, screenshot, errors } = session.browser;
  const exported = new Map<ReaderWork, ExportedWork>();
  for (const [n, work] of [readerA, readerB].entries()) {
    // Each reader opens the study afresh: nothing of the other's session is left in the page.
    exported.set(work, await segmentAndExport(page, session.viewer.baseUrl, demoCase.StudyInstanceUID, work));
    await screenshot(`0${n + 1}-${work.seriesDescription.replace(/ /g, '-')}-exported`);
    const { labels, voxelCounts, paintedImages } = exported.get(work)!;
    expect(labels).toEqual({ 1: 'R lung' });
    expect(voxelCounts[1]).toBeGreaterThan(0);
    expect(paintedImages[1].map(ct.instanceNumberOf)).toEqual(work.strokes.map((stroke) => stroke.imageIndex + 1));
  }

  // OHIF 3.13.2 stored each as a Label Map Segmentation Storage SEG, RLE Lossless, one 8-bit frame
  // per painted slice, with what the reader typed and no creator.
  for (const [work, { sopInstanceUid }] of exported) {
    const stored = await orthancStoredInstance(session.pacs.orthanc, sopInstanceUid);
    expect([stored.sopClassUid, stored.transferSyntaxUid]).toEqual([SOP_CLASS.LabelMapSegmentationStorage, RLE_LOSSLESS]);
    const header = readSegHeader(stored.file);
    expect(header).toMatchObject({
      segmentationType: 'LABELMAP', bitsAllocated: 8, numberOfFrames: work.strokes.length, contentLabel: 'SEGMENTATION', seriesDescription: work.seriesDescription,
    });
    expect(header.contentCreatorName).toBeUndefined();
    expect(header.segments.map((segment) => [segment.label, segment.type?.meaning])).toEqual([['R lung', 'Tissue']]);
  }

  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  expect(await page.getByTestId('segqc-annotator').allTextContents()).toEqual(expect.arrayContaining([nameOf(readerA), nameOf(readerB)]));
  await page.getByTestId('segqc-review').scrollIntoViewIfNeeded();
  await screenshot('03-segmentation-qc-agreement');
  const rows = await page.getByTestId('segqc-review-row').evaluateAll((elements) =>
    elements.map((e) => ({
      structure: e.getAttribute('data-structure')!,
      a: e.getAttribute('data-a')!,
      b: e.getAttribute('data-b')!,
      dice: e.getAttribute('data-dice') === '' ? null : Number(e.getAttribute('data-dice')),
      volumeAMl: e.getAttribute('data-volume-a') === '' ? null : Number(e.getAttribute('data-volume-a')),
      volumeBMl: e.getAttribute('data-volume-b') === '' ? null : Number(e.getAttribute('data-volume-b')),
    })),
  );

  // "R lung" is the SOP's synonym of Right lung: every row in which an OHIF reader has a segment
  // is on Right lung (on the others the reader is missing: compared as an empty mask, volume 0),
  // and no structure is named "R lung".
  const volumeOf = (row: (typeof rows)[number], name: string) => (row.a === name ? row.volumeAMl : row.b === name ? row.volumeBMl : undefined);
  for (const work of [readerA, readerB]) {
    const withSegment = rows.filter((row) => (volumeOf(row, nameOf(work)) ?? 0) > 0);
    expect(withSegment.length).toBeGreaterThan(0);
    expect(new Set(withSegment.map((row) => row.structure))).toEqual(new Set(['Right lung']));
  }
  expect(rows.map((row) => row.structure)).not.toContain('R lung');

  // The pair of the two OHIF readers: SegQC's volumes are OHIF's labelmap voxel counts on the CT grid.
  const pair = rows.find((row) => [row.a, row.b].sort().join(' | ') === [nameOf(readerA), nameOf(readerB)].sort().join(' | '))!;
  expect(pair.structure).toBe('Right lung');
  const voxelMl = voxelVolumeMl(ct.grid);
  for (const work of [readerA, readerB]) expect(volumeOf(pair, nameOf(work))).toBeCloseTo(exported.get(work)!.voxelCounts[1] * voxelMl, 9);
  expect(pair.dice).toBeGreaterThan(0);
  expect(pair.dice).toBeLessThan(1);

  // `segqc qc --json` on the same PACS: the same rows, Dice and volumes.
  const { stdout } = await segqc(['qc', '--pacs', session.pacs.dicomwebUrl, '--study', demoCase.StudyInstanceUID, '--json']);
  const [result] = (JSON.parse(stdout) as QcJson).cases;
  const key = (row: { structure: string; a: string; b: string }) => `${row.structure} ${[row.a, row.b].sort().join(' | ')}`;
  const rounded = (dice: number | null) => (dice === null ? null : Math.round(dice * 1e6) / 1e6);
  expect(rows.map((row) => [key(row), rounded(row.dice)]).sort()).toEqual(result.pairs.map((row) => [key(row), rounded(row.dice)]).sort());
  const cliPair = result.pairs.find((candidate) => key(candidate) === key(pair))!;
  for (const work of [readerA, readerB]) {
    const cliVolume = cliPair.a === nameOf(work) ? cliPair.volumeAMl : cliPair.volumeBMl;
    expect(cliVolume).toBeCloseTo(exported.get(work)!.voxelCounts[1] * voxelMl, 9);
  }
  expect(errors).toEqual([]);
});
