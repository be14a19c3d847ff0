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
// annotation — decided, then reloaded before signing, the decisions must come back (issue 16) —
// then, in a second sitting, by STAPLE — which must revise the first adjudication, not replace it.
// Each signature is checked in Orthanc with our own readers: the reference SEG voxel for voxel, the
// verified QC report's decisions, reasons, metrics and SOP hash; and the panel, reloaded, shows the
// signed adjudication read-only as the PACS holds it, with Sign off until "Revise".
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

/** The decisions the rows show: reference chosen and reasons ticked, by structure. */
async function shownDecisions() {
  const { page } = session.browser;
  const shown: Record<string, { method: string; reasons: string[] }> = {};
  for (const structure of STRUCTURES) {
    const row = page.locator(`[data-testid=segqc-adjudication-structure][data-structure="${structure}"]`);
    const method = await row.getByTestId('segqc-adjudication-method').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    const reasons = await row.locator('[data-testid=segqc-adjudication-reason]:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    shown[structure] = { method, reasons };
  }
  return shown;
}

/** The signed adjudication the panel shows read-only: signer, time and each structure's decision and reasons. */
async function recordShown() {
  const { page } = session.browser;
  const record = page.getByTestId('segqc-adjudication-record');
  const decisions: Record<string, { outcome: string; reasons: string[] }> = {};
  for (const row of await record.getByTestId('segqc-adjudication-decision').all()) {
    decisions[(await row.getAttribute('data-structure'))!] = {
      outcome: await row.getByTestId('segqc-adjudication-decision-outcome').innerText(),
      reasons: await row.getByTestId('segqc-adjudication-decision-reason').evaluateAll((items) => items.map((item) => item.getAttribute('data-reason')!)),
    };
  }
  return {
    report: await record.getAttribute('data-report'),
    signer: await record.getByTestId('segqc-adjudication-signer').innerText(),
    signedAt: await record.getByTestId('segqc-adjudication-signed-at').innerText(),
    decisions,
  };
}

/** Whether the element is inside the window, where the user is looking. */
const inView = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
};

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
  const decided = await shownDecisions();
  expect(Object.values(decided)).toEqual(STRUCTURES.map(() => ({ method: 'Accept Rivera, Ana', reasons: ['overSegmentation'] })));

  // A reload before signing: the identity is remembered for the tab, the decisions come back as a draft.
  await openCase();
  await page.locator('[data-testid=segqc-identity][data-self-declared=true]').waitFor();
  await page.getByTestId('segqc-adjudication-draft-restored').waitFor();
  expect(await shownDecisions()).toEqual(decided);
  for (const item of await page.getByTestId('segqc-adjudication').locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();
  await sign.click();
  const signedMessage = await adjudicationSigned(page);
  const firstReportUid = (await signedMessage.getAttribute('data-report'))!;
  // The outcome is said where the adjudicator is looking, beside Sign, which is off once signed.
  expect(await signedMessage.evaluate(inView)).toBe(true);
  expect(await sign.isDisabled()).toBe(true);
  // Once the outbox has stored it, the panel shows the adjudication as read back from the PACS.
  await page.locator('[data-testid=segqc-adjudication-signed][data-state=stored]').waitFor({ timeout: 60_000 });
  const readBack = await recordShown();
  expect(readBack.report).toBe(firstReportUid);
  expect(await sign.isDisabled()).toBe(true);

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

  // Read-only, from the verified report: who, when (VerificationDateTime as signed), each decision and reason.
  const reopened = await recordShown();
  expect(reopened).toEqual(readBack);
  expect(reopened.signer).toContain('Singh, Priya (psingh)');
  const signedAt = first.verification!.dateTime;
  expect(reopened.signedAt).toBe(`${signedAt.slice(0, 4)}-${signedAt.slice(4, 6)}-${signedAt.slice(6, 8)} ${signedAt.slice(8, 10)}:${signedAt.slice(10, 12)}:${signedAt.slice(12, 14)}`);
  expect(reopened.decisions).toEqual(Object.fromEntries(STRUCTURES.map((structure) => [structure, { outcome: 'Accepted Rivera, Ana', reasons: ['overSegmentation'] }])));
  expect(await page.getByTestId('segqc-adjudication-structure').count()).toBe(0);
  expect(await sign.isDisabled()).toBe(true);
  await page.getByTestId('segqc-adjudication-record').scrollIntoViewIfNeeded();
  await screenshot('02-on-record');
  await page.getByTestId('segqc-adjudication-revise').click();
  await decideAll('STAPLE', 'boundaryDisagreement');
  await sign.click();
  const secondReportUid = (await (await adjudicationSigned(page)).getAttribute('data-report'))!;
  await screenshot('03-revised');

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
