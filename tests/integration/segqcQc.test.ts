import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCohort, generateDemoFiles } from '@segqc/demo-data';
import {
  caseInventory, gridFromSourceImages, loadSop, programmeInventory, qcReportSeriesUid, readQcReport, readSegmentation, readSourceImages,
  retrieveInstance, reviewCase, type CaseReview,
} from '@segqc/core';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { segqc } from '../harness/segqcCommand';

// `segqc qc` over the demo PACS, the built command as a user runs it (worker threads need the
// compiled worker script): every double-read case gets the Dice, HD95, NSD and verdicts that
// reviewCase gives on the demo files themselves, judged against the SOP the viewer picks for the
// series (the demo SEGs name none); a rerun with --state judges nothing again; --write-reports
// stores a reviewer's QC report per case (revising ct-01's demo adjudication, the study's latest
// report), and the programme inventory then shows each open case agreed or escalated as its report
// says, while ct-01 stays adjudicated: a review of the SEGs the adjudicator already judged does not
// reopen the case.
jest.setTimeout(180_000);

const CASES = ['ct-01', 'ct-08', 'mr-01'];
const SOP_DIR = join(__dirname, '..', '..', 'platform-config', 'sops');
const SOP_OF_KIND = { ct: 'ct-lung-nodule.json', 'ct-calibration': 'ct-lung-nodule.json', mr: 'mr-brain-flair-lesion.json' } as const;
const plans = demoCohort({ cases: CASES });

let pacs: TestPacs;
let dir: string;
beforeAll(async () => {
  pacs = await startTestPacs(CASES);
  dir = mkdtempSync(join(tmpdir(), 'segqc-qc-'));
});
afterAll(async () => {
  await pacs?.stop();
  rmSync(dir, { recursive: true, force: true });
});


/** The review of a demo case computed here from its files: each annotator's SEG on its source series, ids = logins. */
function expectedReview(caseId: string): CaseReview {
  const plan = plans.find((p) => p.caseId === caseId)!;
  const sourceUid = plan.segs[0].sourceSeriesInstanceUID;
  const folder = plan.series.find((s) => s.SeriesInstanceUID === sourceUid)!.folder;
  const files = [...generateDemoFiles({ cases: [caseId] })];
  const images = readSourceImages(files.filter((f) => f.path.startsWith(`${caseId}/${folder}/`)).map((f) => f.bytes));
  const { grid } = gridFromSourceImages(images, { allowGaps: true });
  const sop = loadSop(JSON.parse(readFileSync(join(SOP_DIR, SOP_OF_KIND[plan.kind]), 'utf8')), JSON.parse(readFileSync(join(SOP_DIR, 'sop.schema.json'), 'utf8')));
  const annotations = plan.segs.filter((s) => s.ContentLabel === 'ANNOTATION').map((s) => ({
    id: s.annotator.login,
    segmentation: readSegmentation(files.find((f) => f.path === s.path)!.bytes, grid),
  }));
  return reviewCase(annotations, sop);
}
const expected = new Map(CASES.map((caseId) => [plans.find((p) => p.caseId === caseId)!.StudyInstanceUID, expectedReview(caseId)]));
let firstRun: QcJson;

test('every case: the numbers and verdicts reviewCase gives on the demo files; plain progress lines on a non-terminal stderr', async () => {
  const { code, stdout, stderr } = await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--state', join(dir, 'state.json'), '--json']);
  expect([code, stderr.split('\n')[0]]).toEqual([0, 'segqc qc: 3 cases']);
  expect(stderr.trim().split('\n').pop()).toMatch(/^segqc qc: 3\/3 cases, \d escalated, \d+ s \(100%\)$/);
  firstRun = JSON.parse(stdout) as QcJson;
  expect(firstRun.cases.map((c) => c.studyInstanceUid).sort()).toEqual([...expected.keys()].sort());

  for (const result of firstRun.cases) {
    const review = expected.get(result.studyInstanceUid)!;
    const loginOf = new Map(result.annotations.map((a) => [a.id, a.login]));
    expect([result.status, result.excluded, result.sop?.chosenBy, result.verdict]).toEqual(['reviewed', [], 'series', review.verdict]);
    expect(result.sop?.sha256).toBe(review.sop?.sha256);
    expect(result.structures.map((s) => [s.label, s.verdict, s.escalatedPairs])).toEqual(review.structures.map((s) => [s.structure.label, s.verdict, s.escalatedPairs]));
    expect(result.pairs).toHaveLength(review.rows.length);
    for (const pair of result.pairs) {
      const logins = [loginOf.get(pair.a), loginOf.get(pair.b)];
      const row = review.rows.find((r) => r.structure.label === pair.structure && [r.a, r.b].sort().join() === [...logins].sort().join())!;
      expect([pair.structure, logins.sort(), pair.verdict]).toEqual([row.structure.label, [row.a, row.b].sort(), row.verdict]);
      for (const metric of ['dice', 'hd95Mm', 'nsd', 'jaccard', 'assdMm'] as const) {
        if (row[metric] === null) expect(pair[metric]).toBeNull();
        else expect(pair[metric]).toBeCloseTo(row[metric]!, 12);
      }
    }
  }
  const verdicts = [...expected.values()].map((review) => review.verdict);
  expect(firstRun.summary).toMatchObject({
    cases: 3, reviewed: 3, resumed: 0, failed: 0, notDoubleRead: 0,
    agreed: verdicts.filter((v) => v === 'pass').length, escalated: verdicts.filter((v) => v === 'escalate').length,
  });
});

test('a second run with the same --state judges nothing again and reports the same results', async () => {
  const { code, stdout, stderr } = await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--state', join(dir, 'state.json'), '--json']);
  expect([code, stderr]).toEqual([0, 'segqc qc: 3 cases, 3 done before (--state)\n']);
  const rerun = JSON.parse(stdout) as QcJson;
  expect(rerun.summary.resumed).toBe(3);
  expect(rerun.cases).toEqual(firstRun.cases);
});

test('--write-reports stores a reviewer QC report per case; the inventory then shows each case agreed or escalated as its report says', async () => {
  const { code, stdout } = await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--write-reports', '--reviewer', 'Lindqvist^Maria', '--login', 'mlindqvist', '--json']);
  expect(code).toBe(0);
  const { cases, summary } = JSON.parse(stdout) as QcJson;
  expect(summary.reportsWritten).toBe(3);
  const read = { fetch: (url: string, init: { method: 'GET'; headers: Record<string, string> }) => fetch(url, init) };

  for (const result of cases) {
    const review = expected.get(result.studyInstanceUid)!;
    const seriesInstanceUid = qcReportSeriesUid(result.studyInstanceUid);
    const bytes = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: result.studyInstanceUid, seriesInstanceUid, sopInstanceUid: result.report!.sopInstanceUid }, read);
    const { qc } = readQcReport(bytes);
    expect(qc!.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'reviewer' }); // no access token: self-declared
    expect(qc!.verification).toBeUndefined();
    const outcomes = new Map(qc!.structures.map((s) => [s.label, s.decision?.outcome]));
    expect(review.structures.map((s) => outcomes.get(s.structure.label))).toEqual(review.structures.map((s) => (s.verdict === 'escalate' ? 'escalated' : 'agreed')));

    // ct-01 was adjudicated (the demo's signed adjudication, its latest report): the review revises it, and the adjudication still stands.
    const adjudication = plans.find((p) => p.StudyInstanceUID === result.studyInstanceUid)!.reference?.report;
    expect(qc!.predecessors?.map((p) => p.sopInstanceUid)).toEqual(adjudication ? [adjudication.SOPInstanceUID] : undefined);
    const inventory = await caseInventory(pacs.dicomwebUrl, result.studyInstanceUid, read);
    expect([inventory.state, inventory.qcReports.map((r) => r.sopInstanceUid)]).toEqual([
      adjudication ? 'adjudicated' : review.verdict === 'escalate' ? 'escalated' : 'agreed',
      [...(adjudication ? [adjudication.SOPInstanceUID] : []), result.report!.sopInstanceUid],
    ]);
  }
  const programme = await programmeInventory(pacs.dicomwebUrl, read);
  expect(programme.cases.map((c) => [c.studyInstanceUid, c.state]).sort()).toEqual(
    [...expected].map(([study, review]) => [study, study === plans.find((p) => p.caseId === 'ct-01')!.StudyInstanceUID ? 'adjudicated' : review.verdict === 'escalate' ? 'escalated' : 'agreed']).sort(),
  );
  expect([programme.failures, programme.studiesWithoutSegs]).toEqual([[], 0]);
});

test('a PACS that cannot be reached: one line, exit code 1', async () => {
  const { code, stdout, stderr } = await segqc(['qc', '--pacs', 'http://127.0.0.1:9/dicom-web']);
  expect([code, stdout]).toEqual([1, '']);
  expect(stderr).toMatch(/^segqc: The PACS could not be reached for http:\/\/127\.0\.0\.1:9\/dicom-web\/studies\?includefield=00080061&limit=500&offset=0: .*\n$/);
});
