// `segqc drift` and `segqc report --html` end to end in this process, on the core's fake PACS
// programme (packages/core/src/programmeObservations/pacsProgramme.fixture.ts, whose box overlaps
// are counted by hand) with the cases observed in this thread instead of worker threads. Why: the
// run around the core — options, progress, what is printed or written, the exit code — is what a
// nightly job relies on. The demo programme on a real PACS: tests/integration/segqcDrift.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { observeCaseFromPacs } from '@segqc/core';
import { PEOPLE, ROOT, pacsProgramme } from '../../../core/src/programmeObservations/pacsProgramme.fixture';
import { runReport } from '../report/runReport';
import { runProgrammeReport } from '../programmeReport/runProgrammeReport';
import type { DriftJson } from './driftReport';
import type { ReadDependencies } from './readProgramme';
import { runDrift } from './runDrift';

const programme = pacsProgramme();
const progress: string[] = [];
const dependencies: ReadDependencies = {
  fetch: programme.fetch,
  // As a worker thread does, with the SOP library it is started with (the repository's).
  observer: (data) => ({ observe: (c) => observeCaseFromPacs(ROOT, c, { fetch: programme.fetch }, data.sops), close: async () => undefined }),
  progress: { write: (text: string) => progress.push(text) },
  now: () => 0,
};
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-drift-'));
  progress.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('--json: the calibration case monitored, the triple-read case shown unmonitored, the skipped; no alarm, exit 0', async () => {
  let stdout = '';
  const code = await runDrift(['--pacs', `${ROOT}/`, '--json'], (text) => (stdout += text), dependencies);
  const json = JSON.parse(stdout) as DriftJson;
  expect(code).toBe(0);
  expect(json.pacs).toBe(ROOT);
  expect(json.summary).toEqual({ cases: 4, compared: 2, skipped: 2, charts: 6, inAlarm: 0, recalibrationDue: [], seconds: 0 });
  const okaforLung = json.reliability.drift.find((d) => d.series.annotator === PEOPLE.okafor && d.series.structure === 'Right lung')!;
  // Okafor read only the triple-read case, which has no reference standard: his Dice against its majority is shown, nothing is monitored.
  expect(okaforLung.series.values).toEqual([]);
  expect(okaforLung.unmonitored.map((o) => [o.caseId, o.reference])).toEqual([[programme.triple.studyInstanceUid, 'peer']]);
  expect(okaforLung.unmonitored[0].dice).toBeCloseTo(32 / 40, 12);
  const riveraLung = json.reliability.drift.find((d) => d.series.annotator === PEOPLE.rivera && d.series.structure === 'Right lung')!;
  expect(riveraLung.series.observations.map((o) => [o.caseId, o.reference])).toEqual([[programme.calibration.studyInstanceUid, 'gold']]);
  expect(json.calibrationCases).toEqual([{ caseId: programme.calibration.studyInstanceUid, modality: 'CT' }]);
  // The repository's CT lung-nodule SOP is in force (its SEGs name none; it applies to the CT series): its
  // 3 mm minimum leaves out the triple-read case's nodules, single voxels of 1.12 mm³.
  const lesionCounts = json.reliability.lesionLabels.find((l) => l.kind === 'lesion-count')!;
  expect(lesionCounts.labels.map((l) => [l.annotator, l.label])).toEqual([[PEOPLE.rivera, 0], [PEOPLE.chen, 0], [PEOPLE.okafor, 0]]);
  expect(json.skipped.map((s) => s.studyInstanceUid)).toEqual([programme.refused.studyInstanceUid, programme.broken.studyInstanceUid]);
  expect(progress).toEqual(['segqc drift: 1/5 cases listed, 0 s, ~0 s left (20%)\n', 'segqc drift: 5/5 cases listed, 0 s (100%)\n', 'segqc drift: 0/4 cases read, 0 s (0%)\n', 'segqc drift: 4/4 cases read, 0 s (100%)\n']);
});

test('the table: Rivera’s and Chen’s charts in their baseline, Okafor’s not monitored, and the skipped cases with their reasons', async () => {
  let stdout = '';
  expect(await runDrift(['--pacs', ROOT], (text) => (stdout += text), dependencies)).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines.filter((line) => line.endsWith('baseline (1 of 4 cases)'))).toHaveLength(4);
  expect(lines.filter((line) => line.startsWith('  Chidi Okafor')).map((line) => line.split(/\s{2,}/).filter(Boolean).slice(3, 5).concat(line.split(/\s{2,}/).pop()!))).toEqual([
    ['0', '1', 'not monitored (no case with an adjudicated or gold reference)'],
    ['0', '1', 'not monitored (no case with an adjudicated or gold reference)'],
  ]);
  const skipped = lines.slice(lines.indexOf('skipped:') + 1, -1);
  expect(skipped.map((line) => line.split(': ')[0])).toEqual([`  ${programme.refused.studyInstanceUid}`, `  ${programme.broken.studyInstanceUid}`]);
  expect(skipped[1]).toMatch(new RegExp(`: the SEG ${programme.broken.segs.chen} of Chen\\^Wei was left out: .*404`));
  expect(lines.pop()).toBe('segqc drift: 6 charts from 2 of 4 cases (2 skipped) in 0 s: no alarm');
});

test('report --pacs … --html: the file has the charts, the calibration scores and the overview; one line says what was written', async () => {
  const file = join(dir, 'programme.html');
  let stdout = '';
  expect(await runProgrammeReport(['--pacs', ROOT, '--html', file], (text) => (stdout += text), dependencies)).toBe(0);
  expect(stdout).toBe(`wrote ${file}: 6 drift charts from 2 of 4 cases, no recalibration due, 2 left out\n`);
  const html = readFileSync(file, 'utf8');
  expect(html.match(/<svg class="ewma-chart"/g)).toHaveLength(6);
  expect(html).toContain(`<tr class="calibration-row" data-annotator="Rivera^Ana" data-case="${programme.calibration.studyInstanceUid}" data-structure="Right lung" data-dice="${32 / 40}">`);
  // The triple-read case's leave-one-out series, one point per annotator and structure; Chen's lung
  // against the majority of Rivera and Okafor (their intersection, Rivera's square): 32/36.
  expect(html.match(/<circle class="loo-point"/g)).toHaveLength(6);
  const chenLung = html.slice(html.indexOf('<figure class="chart" data-annotator="Chen^Wei" data-structure="Right lung"'));
  expect(chenLung.slice(0, chenLung.indexOf('</figure>'))).toMatch(new RegExp(`<circle class="loo-point" [^>]*data-case="${programme.triple.studyInstanceUid}"[^>]*data-dice="${32 / 36}" data-others="2"><title>[^<]*: Dice 0\\.889 against the majority of the 2 other annotators</title>`));
  expect(html.match(/<tr class="overview-row"/g)).toHaveLength(4);
  expect(html).toContain('generated 1970-01-01T00:00:00.000Z');
});

test('segqc report chooses the programme report for --pacs or --html, and asks for what it lacks', async () => {
  await expect(runReport(['--pacs', ROOT], () => undefined)).rejects.toMatchObject({ name: 'UsageError', message: expect.stringMatching(/^report --pacs needs --html OUT\.html/) });
  await expect(runReport(['a.dcm', 'b.dcm', '--html', join(dir, 'x.html')], () => undefined)).rejects.toMatchObject({ name: 'UsageError', message: expect.stringMatching(/takes no SEG file \('a\.dcm'\)/) });
  expect(() => runReport(['a.dcm', 'b.dcm', '--out', join(dir, 'x.dcm')], () => undefined)).toThrow(/--source DIR/);
});
