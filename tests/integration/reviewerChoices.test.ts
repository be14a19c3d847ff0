import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import {
  caseInventory, describeJudgedSeg, judgedInfoWithChoices, loadSop, mappedStructureOf, observeCaseFromPacs, readSegmentation, readSourceImages, reviewCase,
  segmentKey, stowInstances, withMappedStructures, writeReviewReport, type DicomwebReadOptions, type ReviewerChoices,
} from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { ohifStyleSeg, withDefaultOhifSegment } from '../harness/ohifStyleSeg';
import { segqc } from '../harness/segqcCommand';
import { startTestPacs, type TestPacs } from '../harness/testPacs';

// Issue 13: a reviewer says who made a SEG that names no creator, and which structure a segment
// known only as "Segment 1" (coded Tissue, as OHIF's export codes every segment) is. Recorded in the
// stored review report, the choices are read back from the PACS by `segqc qc`, drift and the audit
// export: the SEG — a copy of Okafor's masks, so its agreement is known — is then compared as the
// person's on the right lung exactly as Okafor's own SEG is, and enters that person's charts.
jest.setTimeout(240_000);

const CASE = 'ct-01';
const { StudyInstanceUID: study } = demoManifest({ cases: [CASE] }).cases[0];
const files = [...generateDemoFiles({ cases: [CASE] })];
const okafor = files.find((file) => file.path === `${CASE}/seg/okafor.dcm`)!.bytes;
const READER = 'Reader C lungs (unattributed)';
const ATTRIBUTED = 'Berg, Lena (attributed by reviewer)';

// Okafor's right lung as OHIF's export leaves a segment: its default label, coded Tissue.
const readerC = ohifStyleSeg(okafor, 'reader-c', 'Reader C lungs', (dataset) => withDefaultOhifSegment(dataset, 'Right lung'));
const sourceImages = readSourceImages(files.filter((file) => file.path.startsWith(`${CASE}/ct/`)).map((file) => file.bytes));
const rightLungNumber = readSegmentation(okafor, sourceImages).segments.find((segment) => segment.label === 'Right lung')!.number;

const read: DicomwebReadOptions = { fetch: (url, init) => fetch(url, init) };
let pacs: TestPacs;
let dir: string;
let before: QcJson;
let after: QcJson;

/** The reviewer's record of the case, written as the viewer writes it, with their two choices. */
function reviewReport(): Uint8Array {
  const sop = loadSop(JSON.parse(readFileSync('platform-config/sops/ct-lung-nodule.json', 'utf8')), JSON.parse(readFileSync('platform-config/sops/sop.schema.json', 'utf8')));
  const choices: ReviewerChoices = {
    attributions: { [readerC.sopInstanceUID]: { name: 'Berg^Lena', login: 'lberg' } },
    structures: { [segmentKey(readerC.sopInstanceUID, rightLungNumber)]: mappedStructureOf(sop.structures.find((structure) => structure.label === 'Right lung')!) },
  };
  const segs = ['rivera', 'chen', 'okafor'].map((name) => files.find((file) => file.path === `${CASE}/seg/${name}.dcm`)!.bytes).concat([readerC.bytes]);
  const annotations = segs.map((bytes) => {
    const info = describeJudgedSeg(bytes);
    const segmentation = withMappedStructures(readSegmentation(bytes, sourceImages), info.sopInstanceUid, choices);
    return { info: judgedInfoWithChoices(info, segmentation, choices), segmentation };
  });
  const review = reviewCase(annotations.map((annotation, n) => ({ id: 'ABCD'[n]!, segmentation: annotation.segmentation })), sop);
  return writeReviewReport({ annotations, review, sourceImages, sop, reviewer: { name: 'Novak^Petra', login: 'pnovak' }, now: new Date(2026, 11, 7, 9, 30) }).report;
}

async function qcJson(): Promise<QcJson> {
  const { code, stdout, stderr } = await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--study', study, '--json']);
  if (code !== 0 && code !== 1) throw new Error(`segqc qc exited ${code}: ${stderr}`);
  return JSON.parse(stdout) as QcJson;
}

beforeAll(async () => {
  pacs = await startTestPacs([CASE]);
  dir = mkdtempSync(join(tmpdir(), 'segqc-reviewer-choices-'));
  await stowInstances([readerC.bytes], { url: pacs.dicomwebUrl, fetch: (url, init) => fetch(url, init) });
  before = await qcJson();
  await stowInstances([reviewReport()], { url: pacs.dicomwebUrl, fetch: (url, init) => fetch(url, init) });
  after = await qcJson();
});
afterAll(async () => {
  await pacs?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const diceOf = (json: QcJson, structure: string, a: string, b: string) =>
  json.cases[0].pairs.find((pair) => pair.structure === structure && new Set([pair.a, pair.b]).has(a) && new Set([pair.a, pair.b]).has(b))?.dice;

test('before the review the SEG is unattributed and its "Segment 1" is no structure of the SOP', () => {
  const ref = before.cases[0].annotations.find((annotation) => annotation.sopInstanceUid === readerC.sopInstanceUID)!;
  expect([ref.id, ref.attributedBy, ref.segmentsMappedByReviewer]).toEqual([READER, null, []]);
  // Missing: its right lung is "Segment 1"; compared as an empty mask since issue 14, Dice 0 (was null).
  expect(diceOf(before, 'Right lung', READER, 'Rivera, Ana')).toBe(0);
  expect(before.cases[0].structures.map((structure) => structure.label)).toContain('Segment 1');
});

test("after it, segqc qc names the person the reviewer attributed it to and compares the mapped segment as the right lung, as Okafor's own", () => {
  const [result] = after.cases;
  const ref = result.annotations.find((annotation) => annotation.sopInstanceUid === readerC.sopInstanceUID)!;
  expect([ref.id, ref.attributedBy, ref.segmentsMappedByReviewer]).toEqual([ATTRIBUTED, 'reviewer', [rightLungNumber]]);
  expect(result.structures.map((structure) => structure.label)).not.toContain('Segment 1');
  for (const other of ['Rivera, Ana', 'Chen, Wei']) {
    const expected = diceOf(after, 'Right lung', 'Okafor, Chidi', other);
    expect(typeof expected).toBe('number');
    expect(diceOf(after, 'Right lung', ATTRIBUTED, other)).toBe(expected);
  }
  expect(diceOf(after, 'Right lung', ATTRIBUTED, 'Okafor, Chidi')).toBe(1);
});

test("the programme's observations (drift) key the SEG by the attributed person", async () => {
  const inventory = await caseInventory(pacs.dicomwebUrl, study, read);
  const { observations } = await observeCaseFromPacs(pacs.dicomwebUrl, inventory, read);
  const rightLung = observations!.agreement.filter((observation) => observation.structure === 'Right lung');
  expect(rightLung.map((observation) => observation.annotator).sort()).toEqual(['Berg^Lena', 'Chen^Wei', 'Okafor^Chidi', 'Rivera^Ana']);
  const dice = (annotator: string) => rightLung.find((observation) => observation.annotator === annotator)!.dice;
  expect(dice('Berg^Lena')).toBe(dice('Okafor^Chidi'));
});

test('the audit export says the SEG names no creator, and that the reviewer attributed it and mapped its segment', async () => {
  const out = join(dir, 'trail.csv');
  const { code, stderr } = await segqc(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--study', study, '--out', out]);
  expect([code, stderr]).toEqual([0, '']);
  const lines = readFileSync(out, 'utf8').split('\n');
  // The first two columns are the study and the event.
  const rowOf = (event: string) => lines.find((line) => line.startsWith(`${study},${event},`) && line.includes(readerC.sopInstanceUID));
  const annotationRow = rowOf('annotation');
  expect(annotationRow).toContain(`names no creator: shown as ""${READER}""`);
  const judgedRow = rowOf('judged-seg');
  expect(judgedRow).toContain('Berg^Lena');
  expect(judgedRow).toContain(`annotator attributed by the reviewer (the SEG names no creator); segment ${rightLungNumber} mapped to Right lung by the reviewer`);
});
