import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { stowInstances, uidFromName, type NaturalDataset } from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { browserSession } from '../harness/browserSession';
import { ohifStyleSeg, withEveryOtherSlice } from '../harness/ohifStyleSeg';
import { segqc } from '../harness/segqcCommand';

// Issue 13 in the reviewer's panel: SEGs as OHIF's own export leaves them (label SEGMENTATION, no
// creator) are listed and compared beside SegQC's, named apart by their series descriptions and
// marked unattributed, with the same rows and Dice as `segqc qc --json`; one drawn on another series
// is shown as not compared, with why.
jest.setTimeout(300_000);

const CASE = 'ct-01';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const rivera = [...generateDemoFiles({ cases: [CASE] })].find((file) => file.path === `${CASE}/seg/rivera.dcm`)!.bytes;
// Reader B painted the left lung on every other slice only: the panel says so, as `segqc qc` does.
const readers = [ohifStyleSeg(rivera, 'viewer-a', 'Lungs reader A'), ohifStyleSeg(rivera, 'viewer-b', 'Lungs reader B', (dataset) => withEveryOtherSlice(dataset, 'Left lung'))];
const elsewhere = ohifStyleSeg(rivera, 'viewer-elsewhere', 'Lungs on a reformat', (dataset) => ({
  ...dataset,
  ReferencedSeriesSequence: [{ ...(dataset.ReferencedSeriesSequence as NaturalDataset[])[0], SeriesInstanceUID: uidFromName('viewer/reformat series') }],
}));
const session = browserSession({ cases: [CASE], name: 'unattributed-segs' });

test("OHIF-style SEGs are in the reviewer's agreement table, named apart and marked unattributed, as segqc qc has them", async () => {
  const { page, screenshot, errors } = session.browser;
  await stowInstances([...readers.map((r) => r.bytes), elsewhere.bytes], { url: session.pacs.dicomwebUrl, fetch: (url, init) => fetch(url, init) });

  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  const annotators = await page.getByTestId('segqc-annotator').allTextContents();
  expect(annotators).toEqual(expect.arrayContaining(['Lungs reader A (unattributed)', 'Lungs reader B (unattributed)', 'Lungs on a reformat (unattributed)']));
  expect(await page.getByTestId('segqc-left-out-annotation').allTextContents()).toEqual([
    `Lungs on a reformat (unattributed): drawn on series ${uidFromName('viewer/reformat series')}, not on the compared series ${demoCase.segs[0].sourceSeriesInstanceUID}`,
  ]);
  await screenshot('01-unattributed-in-table');

  const rows = await page.getByTestId('segqc-review-row').evaluateAll((elements) =>
    elements.map((e) => [e.getAttribute('data-structure'), [e.getAttribute('data-a'), e.getAttribute('data-b')].sort().join(' | '), Number(e.getAttribute('data-dice'))] as const),
  );
  const { stdout } = await segqc(['qc', '--pacs', session.pacs.dicomwebUrl, '--study', demoCase.StudyInstanceUID, '--json']);
  const [result] = (JSON.parse(stdout) as QcJson).cases;
  const cliRows = result.pairs.map((pair) => [pair.structure, [pair.a, pair.b].sort().join(' | '), pair.dice] as const);
  const key = (row: readonly [string | null, string, number | null]) => `${row[0]} ${row[1]}`;
  expect(rows.map(key).sort()).toEqual(cliRows.map(key).sort());
  const warnings = await page.getByTestId('segqc-review-warning').allTextContents();
  const sparse = result.warnings.filter(({ warning }) => warning.startsWith('Left lung painted on'));
  expect(sparse.map(({ id }) => id)).toEqual(['Lungs reader B (unattributed)']);
  expect(warnings).toEqual(sparse.map(({ id, warning }) => `${id}: ${warning}`));
  for (const [structure, pair, dice] of rows) {
    const cli = cliRows.find((row) => key(row) === `${structure} ${pair}`)!;
    expect(dice).toBeCloseTo(cli[2]!, 6);
  }
  // Copies of Rivera's masks: Dice 1 with her on every structure.
  const withRivera = rows.filter(([, pair]) => pair.includes('Lungs reader A (unattributed)') && pair.includes('Rivera, Ana'));
  expect(withRivera.map(([structure, , dice]) => [structure, dice]).sort()).toEqual([['Left lung', 1], ['Lung nodule', 1], ['Right lung', 1]]);
  expect(errors).toEqual([]);
});
