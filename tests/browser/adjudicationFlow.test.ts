import { demoManifest } from '@segqc/demo-data';
import { qcReportSeriesUid, readQcReport, readSegHeader, readSegmentation, referenceSegSeriesUid, staple } from '@segqc/core';
import { ctLungNoduleSop } from '../../packages/core/src/review/review.fixture';
import { adjudicationSigned } from '../harness/adjudicationSigned';
import { browserSession } from '../harness/browserSession';
import { declareIdentity } from '../harness/declareIdentity';
import { demoCaseMasks, type DemoCaseMasks } from '../harness/demoCaseMasks';
import { labelmapVoxelCounts } from '../harness/labelmapCounts';
import { reportDecisions } from '../harness/qcReportDecisions';
import { sameVoxels } from '../harness/sameVoxels';
import { storedInstances } from '../harness/storedInstances';

// The adjudicator resolves a late case where Okafor's lungs escalate: first by accepting Rivera's
// annotation, then, in a second sitting, by STAPLE — which must revise the first adjudication, not
// replace it. Each signature is checked in Orthanc with our own readers: the reference SEG voxel
// for voxel, the verified QC report's decisions, reasons, metrics and SOP hash.
jest.setTimeout(400_000);

const CASE = 'ct-08';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const STRUCTURES = ['Right lung', 'Left lung', 'Lung nodule'];
const sop = ctLungNoduleSop();

let truth: DemoCaseMasks;
beforeAll(() => {
  truth = demoCaseMasks(CASE);
});
const session = browserSession({ cases: [CASE], name: 'adjudication-flow' });

const study = demoCase.StudyInstanceUID;

async function openCase() {
  const { page } = session.browser;
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${study}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  await page.getByTestId('segqc-adjudication').waitFor();
}

async function decideAll(method: string, reason: string) {
  const { page } = session.browser;
  for (const structure of STRUCTURES) {
    const row = page.locator(`[data-testid=segqc-adjudication-structure][data-structure="${structure}"]`);
    await row.getByTestId('segqc-adjudication-method').selectOption({ label: method });
    if ((await row.getAttribute('data-escalated')) === 'true') await row.locator(`[data-testid=segqc-adjudication-reason][value=${reason}]`).check();
  }
  for (const item of await page.getByTestId('segqc-adjudication').locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();
}

test('accepting one annotator, then STAPLE in a second sitting: reference SEGs, verified reports, the second revising the first', async () => {
  const { page, screenshot, errors } = session.browser;
  await openCase();
  // Signing is refused until every escalated structure has a reference and a reason, the SOP's
  // adjudicator items are ticked and the adjudicator has said who they are.
  const sign = page.getByTestId('segqc-adjudication-sign');
  expect(await sign.isDisabled()).toBe(true);
  const escalated = await page.locator('[data-testid=segqc-adjudication-structure][data-escalated=true]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-structure')));
  expect(escalated.sort()).toEqual([...STRUCTURES].sort());

  await decideAll('Accept Rivera, Ana', 'overSegmentation');
  expect(await sign.isDisabled()).toBe(true); // no identity yet
  await declareIdentity(page, { name: 'Singh^Priya', login: 'psingh' });
  await screenshot('01-decisions');
  await sign.click();
  const firstReportUid = (await (await adjudicationSigned(page)).getAttribute('data-report'))!;

  // In the PACS: the reference SEG equals Rivera's segmentation, structure by structure.
  const [referenceBytes] = [...(await storedInstances(session.pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: referenceSegSeriesUid(study) }, 1)).values()];
  const header = readSegHeader(referenceBytes);
  expect(header.contentLabel).toBe('ADJUDICATED');
  const reference = readSegmentation(referenceBytes, truth.sourceImages);
  for (const structure of STRUCTURES) {
    expect(sameVoxels(reference.segments.find((s) => s.label === structure)!.mask, truth.maskOf('rivera', structure))).toBe(true);
  }
  // … and a verified QC report by the adjudicator with decision, reason, metrics and the SOP's hash.
  const reports = await storedInstances(session.pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: qcReportSeriesUid(study) }, 1);
  const first = readQcReport(reports.get(firstReportUid)!).qc!;
  expect(first.observer).toMatchObject({ name: 'Singh^Priya', login: 'psingh', role: 'adjudicator' });
  expect(first.observer!.authentication).toBeUndefined(); // typed in the viewer: self-declared
  expect(first.verification).toMatchObject({ name: 'Singh^Priya', login: 'psingh' });
  expect(first.sop).toEqual({ id: sop.id, version: sop.version, sha256: sop.reference.sha256 });
  for (const structure of STRUCTURES) {
    expect(reportDecisions(first)[structure]).toEqual({ outcome: 'accepted', acceptedAnnotation: 'A', reasons: [{ reason: 'overSegmentation' }] });
    const agreements = first.structures.find((s) => s.label === structure)!.agreements!;
    expect(agreements.length).toBeGreaterThanOrEqual(3);
    expect(agreements.every((agreement) => agreement.dice >= 0 && agreement.dice <= 1)).toBe(true);
  }
  expect(first.predecessors ?? []).toEqual([]);

  // Reopened, the case shows its adjudication, read back from the PACS; a STAPLE signature revises it.
  await openCase();
  // The reference SEG opens in OHIF itself: listed with its role, overlaid with Rivera's voxel counts.
  const referenceRow = page.getByTestId('segqc-annotation').filter({ hasText: 'ADJUDICATED' });
  await referenceRow.getByTestId('segqc-toggle').click();
  await referenceRow.and(page.locator('[data-shown=true]')).waitFor({ timeout: 60_000 });
  const shownPerSegment = (await page.evaluate(labelmapVoxelCounts, (await referenceRow.getAttribute('data-uid'))!))!;
  const shownCounts = Object.values(shownPerSegment).sort((a, b) => a - b);
  expect(shownCounts).toEqual(STRUCTURES.map((structure) => truth.maskOf('rivera', structure).count()).sort((a, b) => a - b));
  await referenceRow.getByTestId('segqc-toggle').click();

  const record = page.getByTestId('segqc-adjudication-record');
  expect(await record.getAttribute('data-report')).toBe(firstReportUid);
  expect(await record.textContent()).toContain('psingh');
  await decideAll('STAPLE', 'boundaryDisagreement');
  await sign.click();
  const secondReportUid = (await (await adjudicationSigned(page)).getAttribute('data-report'))!;
  await screenshot('02-revised');

  const second = readQcReport((await storedInstances(session.pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: qcReportSeriesUid(study) }, 2)).get(secondReportUid)!).qc!;
  expect(second.predecessors?.map((p) => p.sopInstanceUid)).toEqual([firstReportUid]);
  expect(second.instanceNumber).toBe(2);
  for (const structure of STRUCTURES) expect(reportDecisions(second)[structure]).toEqual({ outcome: 'staple', reasons: [{ reason: 'boundaryDisagreement' }] });
  // The second reference SEG equals the engine's STAPLE of the three annotations.
  const references = await storedInstances(session.pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: referenceSegSeriesUid(study) }, 2);
  const stapleReference = [...references.values()].map((bytes) => readSegmentation(bytes, truth.sourceImages)).find((seg) => seg.source.sopInstanceUID !== header.sopInstanceUID)!;
  for (const structure of STRUCTURES) {
    const expected = staple(['rivera', 'chen', 'okafor'].map((annotator) => truth.maskOf(annotator, structure))).consensus;
    expect(sameVoxels(stapleReference.segments.find((s) => s.label === structure)!.mask, expected)).toBe(true);
  }
  expect(errors).toEqual([]);
});
