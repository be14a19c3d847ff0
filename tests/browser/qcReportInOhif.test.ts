import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMeasurementReport } from '@segqc/core';
import { demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { stowInstances } from '@segqc/server';
import { run } from '../../packages/cli/src/main';
import { browserSession } from '../harness/browserSession';

// The QC report is only worth writing if the viewer the hospital already runs can open it: the
// report `segqc report` writes for two annotators is stored in the PACS, opened with OHIF's own SR
// support inside Segmentation QC, and each measurement group appears with its numbers.
jest.setTimeout(300_000);

// ct-08 has no QC report yet: the study's report series then holds only the one written here (with a
// second report in that series, which of them OHIF hydrates first is a race).
const demoCase = demoManifest({ cases: ['ct-08'] }).cases[0];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-report-'));
  writeDemoCohort(dir, { cases: [demoCase.caseId] });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const session = browserSession({ cases: [demoCase.caseId], name: 'qc-report' });

/** The SR measurements OHIF put in cornerstone's annotation state, one per measurement group. */
function srDisplayAnnotations() {
  const all = (window as any).cornerstoneTools.annotation.state.getAllAnnotations();
  return all
    .filter((a: any) => a.metadata?.toolName === 'DICOMSRDisplay')
    .map((a: any) => ({ trackingUid: a.data?.TrackingUniqueIdentifier as string, labels: (a.data?.labels ?? []) as Array<{ label: string; value: string }> }));
}

test('OHIF opens a QC report written by segqc report and lists its measurement groups without error', async () => {
  const out = join(dir, 'qc-report.dcm');
  const [a, b] = demoCase.segs;
  let stderr = '';
  const code = run(['report', join(dir, a.path), join(dir, b.path), '--source', join(dir, demoCase.caseId), '--out', out, '--observer', 'Reviewer^Rita', '--login', 'rreviewer', '--role', 'reviewer'], () => undefined, (t) => (stderr += t));
  expect([code, stderr]).toEqual([0, '']);
  const bytes = new Uint8Array(readFileSync(out));
  const report = readMeasurementReport(bytes);
  expect(report.groups.length).toBe(2 * a.segments.length);
  await stowInstances(session.pacs.dicomwebUrl, [bytes]);

  const { page, screenshot, errors } = session.browser;
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  const thumbnail = page.locator('[data-cy=series-description-label]', { hasText: report.seriesDescription ?? 'quality control report' });
  await thumbnail.waitFor({ timeout: 120_000 });
  await thumbnail.dblclick();
  const shown = await (
    await page.waitForFunction((n) => {
      const annotations = (window as any).cornerstoneTools?.annotation?.state?.getAllAnnotations?.() ?? [];
      return annotations.filter((x: any) => x.metadata?.toolName === 'DICOMSRDisplay').length >= n;
    }, report.groups.length, { timeout: 120_000, polling: 250 })
  ).jsonValue();
  expect(shown).toBe(true);
  const annotations: Array<{ trackingUid: string; labels: Array<{ label: string; value: string }> }> = await page.evaluate(srDisplayAnnotations);
  // OHIF may keep one display annotation per viewport state of a group: compare the groups shown.
  expect([...new Set(annotations.map((x) => x.trackingUid))].sort()).toEqual(report.groups.map((g) => g.trackingUid).sort());
  // OHIF shows the group's Dice as the report has it
  for (const group of report.groups) {
    const dice = group.measurements.find((m) => /Dice/i.test(m.name.meaning) && m.value !== null)!;
    const labels = annotations.find((x) => x.trackingUid === group.trackingUid)!.labels;
    const shownDice = labels.find((label) => /Dice/i.test(label.label))!;
    expect(parseFloat(shownDice.value)).toBeCloseTo(dice.value!, 2);
  }
  await screenshot('01-report-open');
  expect(errors).toEqual([]);
});
