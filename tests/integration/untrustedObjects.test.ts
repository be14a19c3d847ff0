// Everything SegQC reads from a PACS is hostile until checked. A real Orthanc holds demo case ct-08
// and three objects a hostile writer stored in its study with STOW-RS:
// - a QC report in Deflated Explicit VR Little Endian, ~100 KB stored, 100 MB inflated (a "deflate
//   bomb"), which dcmjs would inflate without bound;
// - a copy of an annotation SEG whose ContentCreatorName holds ANSI escape sequences (ESC [2J
//   clears the screen, ESC ] 0;… BEL retitles it, U+009B is CSI on its own);
// - a copy whose login (ContentCreatorIdentificationCodeSequence) is `__proto__`, and no name.
// `segqc qc`, `drift` and `audit verify`/`export` each finish, report the bomb by SOP Instance UID
// as unreadable ("deflated transfer syntax is refused") without ever holding it inflated, count
// `__proto__` as an annotator of its own, and print the escaped name's text without one control
// byte — on the terminal, in the CSV, and escaped in JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFLATED_REFUSAL, readPart10, type NaturalDataset } from '@segqc/core';
import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { stowInstances } from '@segqc/server';
import type { DriftJson } from '../../packages/cli/src/drift/driftReport';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { deflateBombSr } from '../harness/deflateBombSr';
import { segCopy } from '../harness/segCopy';
import { segqcMeasured, type MeasuredRun } from '../harness/segqcMeasured';
import { startTestPacs, type TestPacs } from '../harness/testPacs';

jest.setTimeout(300_000);

const CASE = 'ct-08';
const plan = demoManifest({ cases: [CASE] }).cases[0];
const STUDY = plan.StudyInstanceUID;
const rivera = [...generateDemoFiles({ cases: [CASE] })].find((file) => file.path === `${CASE}/seg/rivera.dcm`)!.bytes;
const HOSTILE_NAME = 'Evil\u001b[2J\u001b]0;pwned\u0007\u009b31m^Mallory';
/** What a terminal shows of it once its control characters are gone. */
const PRINTABLE_NAME = 'Evil[2J]0;pwned31m^Mallory';
/**
 * Each command peaks at 155–210 MiB on this case (measured); dcmjs inflating the bomb's 100 MiB
 * takes about 290 MiB more (a process reading it alone peaks at ~350 MiB, at 64 MiB refusing it).
 */
const PEAK_RSS_LIMIT_MIB = 300;

/** The SEG's creator item with `login` as its person's code (Person Identification Macro, PS3.3 Table 10-1). */
function withLogin(dataset: NaturalDataset, login: string): NaturalDataset[] {
  return (dataset['ContentCreatorIdentificationCodeSequence'] as NaturalDataset[]).map((item) => ({
    ...item,
    PersonIdentificationCodeSequence: (item['PersonIdentificationCodeSequence'] as NaturalDataset[]).map((code) => ({ ...code, CodeValue: login })),
  }));
}

const ansi = segCopy(rivera, 'untrusted/ansi', (d) => ({ ...d, SpecificCharacterSet: 'ISO_IR 192', ContentCreatorName: HOSTILE_NAME, ContentCreatorIdentificationCodeSequence: withLogin(d, 'mallory') }));
const proto = segCopy(rivera, 'untrusted/proto', (d) => ({ ...d, ContentCreatorName: '', ContentCreatorIdentificationCodeSequence: withLogin(d, '__proto__') }));
const bomb = deflateBombSr(plan);

let pacs: TestPacs;
let dir: string;
beforeAll(async () => {
  pacs = await startTestPacs([CASE]);
  dir = mkdtempSync(join(tmpdir(), 'segqc-untrusted-'));
  await stowInstances(pacs.dicomwebUrl, [ansi.bytes, proto.bytes, bomb.bytes]);
});
afterAll(async () => {
  await pacs?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** No ESC, no BEL, no C1 CSI (U+009B as UTF-8: C2 9B), and no other C0 but the line feed. */
function expectNoControlBytes(bytes: Buffer): void {
  expect(bytes.includes(0x1b)).toBe(false);
  expect(bytes.includes(0x07)).toBe(false);
  expect(bytes.includes(Buffer.from([0xc2, 0x9b]))).toBe(false);
  expect([...bytes].filter((byte) => byte < 0x20 && byte !== 0x0a && byte !== 0x0d)).toEqual([]);
}

/** Ran to its end (no `segqc: …` error line, an expected exit code) and never held the bomb inflated. */
function expectFinishedWithinMemory(run: MeasuredRun, codes: number[]): void {
  expect(run.stderr.split('\n').filter((line) => line.startsWith('segqc: '))).toEqual([]);
  expect(codes).toContain(run.code);
  expect(run.peakRssMib).toBeLessThan(PEAK_RSS_LIMIT_MIB);
}

const refusal = expect.stringContaining(DEFLATED_REFUSAL);

test('as written: the bomb is ~100 KB, the SEG copy holds the name with its escape sequences', () => {
  expect(bomb.bytes.length).toBeLessThan(200_000);
  expect(readPart10(ansi.bytes).dataset['ContentCreatorName']).toEqual([{ Alphabetic: HOSTILE_NAME }]);
});

test('segqc audit verify: the bomb is an unreadable QC report, by its UID and why; the run finishes within memory', async () => {
  const run = await segqcMeasured(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--study', STUDY]);
  expectFinishedWithinMemory(run, [1]);
  const lines = run.stdout.toString('utf8').split('\n');
  expect(lines).toContain(`unreadable   QC report ${bomb.sopInstanceUid} (series ${bomb.seriesInstanceUid}) cannot be read: TransferSyntaxUID: ${DEFLATED_REFUSAL}`);
  expect(lines.filter((line) => line.startsWith('unreadable'))).toHaveLength(1);
});

test('segqc audit export: the bomb is listed unreadable; __proto__ is an annotator of its own; the CSV holds the name\'s text, not its control bytes', async () => {
  const json = await segqcMeasured(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--study', STUDY, '--out', join(dir, 'trail.json')]);
  const csv = await segqcMeasured(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--study', STUDY, '--out', join(dir, 'trail.csv')]);
  for (const run of [json, csv]) {
    expectFinishedWithinMemory(run, [0]);
    expectNoControlBytes(run.stdout);
    expect(run.stdout.toString('utf8')).toContain(`study ${STUDY}: 5 annotations, 0 reference SEGs, 0 QC reports, 1 unreadable\n`);
  }
  const document = JSON.parse(readFileSync(join(dir, 'trail.json'), 'utf8')) as { cases: Array<{ events: Array<Record<string, any>>; unreadable: Array<Record<string, string>> }> };
  expect(document.cases[0].unreadable).toEqual([{ studyInstanceUid: STUDY, seriesInstanceUid: bomb.seriesInstanceUid, sopInstanceUid: bomb.sopInstanceUid, expected: 'QC report', reason: refusal }]);
  const creators = document.cases[0].events.filter((event) => event.kind === 'annotation').map((event) => [event.sopInstanceUid, event.creator]);
  expect(creators).toContainEqual([proto.sopInstanceUID, expect.objectContaining({ login: '__proto__' })]);
  expect(creators).toContainEqual([ansi.sopInstanceUID, expect.objectContaining({ name: HOSTILE_NAME, login: 'mallory' })]);
  // The JSON file keeps the name exactly, its controls as \u escapes.
  const jsonBytes = readFileSync(join(dir, 'trail.json'));
  expectNoControlBytes(jsonBytes);

  const table = readFileSync(join(dir, 'trail.csv'));
  expectNoControlBytes(table);
  const rows = table.toString('utf8').split('\r\n');
  expect(rows.some((row) => row.includes(proto.sopInstanceUID) && row.includes(',__proto__,'))).toBe(true);
  expect(rows.some((row) => row.includes(ansi.sopInstanceUID) && row.includes(PRINTABLE_NAME))).toBe(true);
});

test('segqc qc --json: the case is judged with __proto__ as its own annotator; the bomb is listed unreadable; no raw control byte', async () => {
  const run = await segqcMeasured(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '1', '--json']);
  expectFinishedWithinMemory(run, [0]);
  expectNoControlBytes(run.stdout);
  const { cases } = JSON.parse(run.stdout.toString('utf8')) as QcJson;
  expect(cases.map((c) => [c.studyInstanceUid, c.status, c.error])).toEqual([[STUDY, 'reviewed', null]]);
  const [result] = cases;
  expect(result.unreadable).toEqual([{ sopInstanceUid: bomb.sopInstanceUid, seriesInstanceUid: bomb.seriesInstanceUid, modality: 'SR', reason: refusal }]);
  expect(result.annotations.find((a) => a.sopInstanceUid === proto.sopInstanceUID)).toMatchObject({ id: '__proto__', name: null, login: '__proto__' });
  expect(result.annotations.find((a) => a.sopInstanceUid === ansi.sopInstanceUID)).toMatchObject({ name: HOSTILE_NAME, login: 'mallory' });
  // A copy of Rivera's SEG: Dice 1 with Rivera on every structure Rivera drew.
  const withRivera = result.pairs.filter((pair) => [pair.a, pair.b].sort().join('|') === ['Rivera, Ana', '__proto__'].sort().join('|'));
  expect(withRivera.length).toBeGreaterThan(0);
  for (const pair of withRivera) if (pair.dice !== null) expect(pair.dice).toBe(1);
  expect(result.structures.every((structure) => structure.annotations.includes('__proto__'))).toBe(true);
});

test('segqc qc (text): the bomb is named among the unreadable objects; no control byte', async () => {
  const run = await segqcMeasured(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '1']);
  expectFinishedWithinMemory(run, [0]);
  expectNoControlBytes(run.stdout);
  expect(run.stdout.toString('utf8')).toContain(`  unreadable objects:\n    ${STUDY}  SR ${bomb.sopInstanceUid}  TransferSyntaxUID: ${DEFLATED_REFUSAL}\n`);
});

test('segqc drift: the bomb is skipped with why; each annotator has charts, __proto__ and the escaped name too, printed without control bytes', async () => {
  const text = await segqcMeasured(['drift', '--pacs', pacs.dicomwebUrl, '--workers', '1']);
  const json = await segqcMeasured(['drift', '--pacs', pacs.dicomwebUrl, '--workers', '1', '--json']);
  for (const run of [text, json]) {
    expectFinishedWithinMemory(run, [0, 1]);
    expectNoControlBytes(run.stdout);
  }
  const state = JSON.parse(json.stdout.toString('utf8')) as DriftJson;
  expect(state.skipped).toEqual([{ studyInstanceUid: STUDY, reason: `the SR ${bomb.sopInstanceUid} could not be read: TransferSyntaxUID: ${DEFLATED_REFUSAL}` }]);
  const annotators = new Set(state.reliability.drift.map((chart) => chart.series.annotator));
  expect(annotators).toEqual(new Set(['Rivera^Ana', 'Chen^Wei', 'Okafor^Chidi', HOSTILE_NAME, '__proto__']));
  const printed = text.stdout.toString('utf8');
  expect(printed).toContain(`the SR ${bomb.sopInstanceUid} could not be read: TransferSyntaxUID: ${DEFLATED_REFUSAL}`);
  expect(printed).toMatch(/\n {2}__proto__ {2,}/);
  expect(printed).toContain('Mallory Evil[2J]0;pwned31m');
});
