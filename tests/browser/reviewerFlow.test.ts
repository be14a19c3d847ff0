import { demoManifest } from '@segqc/demo-data';
import { qcReportSeriesUid, readQcReport } from '@segqc/core';
import { browserSession } from '../harness/browserSession';
import { declareIdentity } from '../harness/declareIdentity';
import { demoCaseMasks, type DemoCaseMasks } from '../harness/demoCaseMasks';
import { disagreementRegions } from '../harness/disagreementRegions';
import { labelmapVoxelCounts } from '../harness/labelmapCounts';
import { asShown } from '../harness/personNames';
import { storedInstance } from '../harness/storedInstances';
import { currentSopInstanceUid } from '../harness/viewportImage';

// The reviewer's first look at a late case of the programme: Okafor has drifted to segmenting the
// lungs ~15 % too large, Rivera and Chen still agree. The agreement is computed in the viewer's Web
// Worker from what the PACS holds; the expected numbers are computed here from the generator's
// own SEG files, voxel by voxel.
jest.setTimeout(300_000);

const CASE = 'ct-08';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const nameOf = (key: string) => asShown(demoCase.segs.find((seg) => seg.path.endsWith(`/${key}.dcm`))!.annotator.name);

let truth: DemoCaseMasks;
beforeAll(() => {
  truth = demoCaseMasks(CASE);
});
const session = browserSession({ cases: [CASE], name: 'reviewer-flow' });

function overlap(a: { get(i: number): boolean }, b: { get(i: number): boolean }, voxels: number) {
  let both = 0, aOnly = 0, bOnly = 0;
  for (let i = 0; i < voxels; i++) {
    const x = a.get(i), y = b.get(i);
    if (x && y) both++;
    else if (x) aOnly++;
    else if (y) bOnly++;
  }
  return { both, aOnly, bOnly, dice: (2 * both) / (2 * both + aOnly + bOnly) };
}

test('escalates the drifting annotator on the lungs, overlays both / A only / B only with exact counts, steps to the largest disagreement, and records the review in the PACS', async () => {
  const { page, screenshot, errors } = session.browser;
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });

  // The worker reports progress, then the table arrives; the page stayed responsive meanwhile.
  await page.getByTestId('segqc-review-progress').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  await screenshot('01-agreement-table');

  const rows = await page.getByTestId('segqc-review-row').evaluateAll((elements) =>
    elements.map((e) => ({ structure: e.getAttribute('data-structure'), a: e.getAttribute('data-a'), b: e.getAttribute('data-b'), verdict: e.getAttribute('data-verdict'), dice: Number(e.getAttribute('data-dice')) })),
  );
  const voxels = truth.sourceImages.length * truth.sourceImages[0].Rows * truth.sourceImages[0].Columns;
  const pairs = [['rivera', 'chen'], ['rivera', 'okafor'], ['chen', 'okafor']] as const;
  for (const structure of ['Right lung', 'Left lung']) {
    for (const [x, y] of pairs) {
      const row = rows.find((r) => r.structure === structure && new Set([r.a, r.b]).has(nameOf(x)) && new Set([r.a, r.b]).has(nameOf(y)))!;
      const { dice } = overlap(truth.maskOf(x, structure), truth.maskOf(y, structure), voxels);
      expect(row.dice).toBeCloseTo(dice, 6);
      // The SOP's lungs need Dice ≥ 0.95: only the pairs with the drifting annotator fall below.
      expect(row.verdict).toBe(y === 'okafor' ? 'escalate' : 'pass');
      expect(dice < 0.95).toBe(y === 'okafor');
    }
  }
  // Worst first, structure by structure: every escalated pair comes before every passed one, and
  // escalated structures before the others.
  const escalatedFirst = (verdicts: Array<string | null>) => verdicts.indexOf('pass') < 0 || verdicts.slice(verdicts.indexOf('pass')).every((v) => v !== 'escalate');
  for (const structure of new Set(rows.map((r) => r.structure))) expect(escalatedFirst(rows.filter((r) => r.structure === structure).map((r) => r.verdict))).toBe(true);
  expect(escalatedFirst(await page.getByTestId('segqc-review-structure').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-verdict'))))).toBe(true);

  // The overlay of Rivera (A) and Okafor (B) on the right lung.
  const section = page.getByTestId('segqc-discrepancy');
  await section.getByTestId('segqc-discrepancy-structure').selectOption({ label: 'Right lung' });
  await section.getByTestId('segqc-discrepancy-pair').selectOption({ label: `A ${nameOf('rivera')} · B ${nameOf('okafor')}` });
  await section.getByTestId('segqc-discrepancy-show').click();
  await section.getByTestId('segqc-discrepancy-legend').waitFor({ timeout: 60_000 });
  const expected = overlap(truth.maskOf('rivera', 'Right lung'), truth.maskOf('okafor', 'Right lung'), voxels);
  const legend = await section.locator('[data-class]').evaluateAll((items) => Object.fromEntries(items.map((i) => [i.getAttribute('data-class'), Number(i.getAttribute('data-voxels'))])));
  expect(legend).toEqual({ both: expected.both, 'a-only': expected.aOnly, 'b-only': expected.bOnly });

  // The labelmap on the viewport holds the same three classes.
  const onViewport = await page.evaluate(labelmapVoxelCounts, 'segqc-discrepancy');
  expect(onViewport).toEqual({ 1: expected.both, 2: expected.aOnly, 3: expected.bOnly });

  // The viewport is on the slice of the largest disagreement; "next" moves on and "previous" comes back.
  const { Columns, Rows } = truth.sourceImages[0];
  const largestSlice = disagreementRegions(truth.maskOf('rivera', 'Right lung'), truth.maskOf('okafor', 'Right lung'), Columns, Rows, truth.sourceImages.length)[0].largestSlice;
  const region = section.getByTestId('segqc-discrepancy-region');
  expect(Number(await region.getAttribute('data-slice'))).toBe(largestSlice);
  await page.waitForFunction(`(${currentSopInstanceUid.toString()})() === ${JSON.stringify(truth.sliceSopInstanceUids[largestSlice])}`, null, { timeout: 30_000 });
  await screenshot('02-largest-disagreement');
  await section.getByTestId('segqc-discrepancy-next').click();
  await page.locator('[data-testid=segqc-discrepancy-region][data-region="1"]').waitFor();
  await section.getByTestId('segqc-discrepancy-previous').click();
  await page.locator('[data-testid=segqc-discrepancy-region][data-region="0"]').waitFor();
  await page.waitForFunction(`(${currentSopInstanceUid.toString()})() === ${JSON.stringify(truth.sliceSopInstanceUids[largestSlice])}`, null, { timeout: 30_000 });

  // The reviewer records the verdicts: an unsigned QC report by a Reviewer lands in the PACS.
  const record = page.getByTestId('segqc-record-review');
  expect(await record.getByTestId('segqc-record-review-button').isDisabled()).toBe(true);
  for (const item of await record.locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();
  await declareIdentity(page, { name: 'Novak^Petra', login: 'pnovak' });
  await record.getByTestId('segqc-record-review-button').click();
  const reportUid = (await (await record.getByTestId('segqc-record-review-done').elementHandle({ timeout: 60_000 }))!.getAttribute('data-report'))!;
  const seriesInstanceUid = qcReportSeriesUid(demoCase.StudyInstanceUID);
  const stored = await storedInstance(session.pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid }, reportUid);
  const report = readQcReport(stored).qc!;
  expect(report.observer).toMatchObject({ name: 'Novak^Petra', login: 'pnovak', role: 'reviewer' });
  expect(report.observer!.authentication).toBeUndefined(); // typed in the viewer: self-declared
  expect(report.verification).toBeUndefined();
  // A structure is escalated when any of its pairs is, as the table said.
  const escalatedInTable = new Set(rows.filter((r) => r.verdict === 'escalate').map((r) => r.structure));
  expect(Object.fromEntries(report.structures.map((s) => [s.label, s.decision?.outcome]))).toEqual(
    Object.fromEntries([...new Set(rows.map((r) => r.structure!))].map((label) => [label, escalatedInTable.has(label) ? 'escalated' : 'agreed'])),
  );
  expect(report.checklist?.filter((item) => item.checked).map((item) => item.itemId)).toEqual(['nodule-count-checked']);
  expect(errors).toEqual([]);
});
