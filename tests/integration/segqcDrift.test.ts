import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNOTATORS, demoManifest } from '@segqc/demo-data';
import {
  calibrationCasesOf, meaningfulDiceChangesOf, observeCaseFromPacs, programmeInventory, programmeReliability,
  type CaseObservations, type DicomwebReadOptions, type ProgrammeReliability,
} from '@segqc/core';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import type { DriftJson } from '../../packages/cli/src/drift/driftReport';
import { segqc, type SegqcRun } from '../harness/segqcCommand';
import { defaultSopDir, readSopLibrary } from '../../packages/cli/src/qc/sopLibrary';

// `segqc drift` and `segqc report --html` over the demo CT programme on a real Orthanc, the built
// command as a nightly job runs it (the cases are read in worker threads, which need the compiled
// worker script): eight cases a week apart read by Rivera, Chen and Okafor — Okafor drifts to
// segmenting the lungs ever larger — and a calibration case with a gold reference. ct-01..ct-07 carry
// a signed adjudication, ct-08 is open. The state drift prints is the one core programmeReliability
// gives on observations made here, case by case, in this process: the charts monitor the adjudicated
// and gold points and show ct-08's Dice against the majority unmonitored (one-sided, σ floored with
// the SOP's meaningful Dice change, issue 14); Okafor's lungs, and only
// they, are in alarm, so the job fails (exit 1) and asks him to redo the calibration case. The HTML
// report draws the same numbers and fetches nothing.
jest.setTimeout(240_000);

const CASES = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08', 'ct-cal'];
const manifest = demoManifest({ cases: CASES });
const studyOf = (caseId: string) => manifest.cases.find((c) => c.caseId === caseId)!.StudyInstanceUID;
const OKAFOR = ANNOTATORS.okafor.name;

let pacs: TestPacs;
let dir: string;
let expected: ProgrammeReliability;
let drift: SegqcRun;


beforeAll(async () => {
  pacs = await startTestPacs(CASES);
  dir = mkdtempSync(join(tmpdir(), 'segqc-drift-'));
  // The command, and the same state computed here: every case observed in this thread, one after another.
  const read: DicomwebReadOptions = { fetch: (url, init) => fetch(url, init) };
  const [run, inventory] = await Promise.all([segqc(['drift', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--json']), programmeInventory(pacs.dicomwebUrl, read)]);
  drift = run;
  const observed: CaseObservations[] = [];
  for (const c of inventory.cases) {
    const { observations } = await observeCaseFromPacs(pacs.dicomwebUrl, c, read);
    if (observations) observed.push(observations);
  }
  // As the command does (issue 14): each chart's σ floored with the SOP library's meaningful Dice change.
  const meaningfulDiceChange = meaningfulDiceChangesOf(readSopLibrary(defaultSopDir()).sops.map((entry) => entry.sop));
  expected = programmeReliability(observed, calibrationCasesOf(inventory.cases), { drift: { meaningfulDiceChange } });
});
afterAll(async () => {
  await pacs?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('drift --json: the whole state core computes from the same PACS; Okafor’s lungs are in alarm and the job fails', () => {
  const json = JSON.parse(drift.stdout) as DriftJson;
  expect(json.reliability).toEqual(JSON.parse(JSON.stringify(expected)));
  expect(json.skipped).toEqual([]);
  expect(json.calibrationCases).toEqual([{ caseId: studyOf('ct-cal'), modality: 'CT' }]);
  expect(json.summary).toMatchObject({ cases: CASES.length, compared: CASES.length, skipped: 0, charts: expected.drift.length });

  const dueCharts = json.reliability.drift.filter((d) => d.state.recalibrationDue).map((d) => `${d.series.annotator}|${d.series.structure}`);
  // His nodules grow with his boundary too.
  expect(dueCharts).toEqual([`${OKAFOR}|Left lung`, `${OKAFOR}|Lung nodule`, `${OKAFOR}|Right lung`]);
  // Monitored: the seven adjudicated cases and the calibration case; ct-08, without a reference standard, is shown beside them.
  for (const chart of json.reliability.drift.filter((d) => d.series.structure.endsWith('lung'))) {
    expect(chart.series.observations.map((o) => `${o.caseId} ${o.reference}`).sort()).toEqual([...CASES.slice(0, 7).map((c) => `${studyOf(c)} adjudicated`), `${studyOf('ct-cal')} gold`].sort());
    expect(chart.unmonitored.map((o) => `${o.caseId} ${o.reference}`)).toEqual([`${studyOf('ct-08')} peer`]);
  }
  const okaforLung = json.reliability.drift.find((d) => d.series.annotator === OKAFOR && d.series.structure === 'Right lung')!;
  expect(okaforLung.state.calibrationCasesToRedo).toEqual([studyOf('ct-cal')]);
  expect(json.summary.recalibrationDue).toContain(OKAFOR);
  expect(drift.code).toBe(1);
  // Progress on stderr, plain lines on a pipe: the inventory, then the cases read.
  expect(drift.stderr).toContain(`segqc drift: ${CASES.length}/${CASES.length} cases listed`);
  expect(drift.stderr.trim().split('\n').pop()).toMatch(new RegExp(`^segqc drift: ${CASES.length}/${CASES.length} cases read, \\d+ s \\(100%\\)$`));
});

test('drift without --json: a row per chart, who is due with the calibration case to redo, and the summary line last', async () => {
  const { code, stdout } = await segqc(['drift', '--pacs', pacs.dicomwebUrl, '--workers', '2']);
  expect(code).toBe(1);
  const lines = stdout.trim().split('\n');
  const okaforRow = lines.find((line) => line.includes('Chidi Okafor') && line.includes('Right lung'))!;
  const since = expected.drift.find((d) => d.series.annotator === OKAFOR && d.series.structure === 'Right lung')!.state.dueSince!;
  const label = manifest.cases.find((c) => c.StudyInstanceUID === since.caseId)!.StudyID;
  expect(okaforRow).toMatch(new RegExp(`ALARM below since ${label} \\(${since.date.slice(0, 10)}\\)$`));
  expect(lines).toContain(`    calibration cases to redo: ${manifest.cases.find((c) => c.caseId === 'ct-cal')!.StudyID} (${studyOf('ct-cal')})`);
  const inAlarm = expected.drift.filter((d) => d.state.recalibrationDue).length;
  expect(lines.pop()).toMatch(new RegExp(`^segqc drift: ${expected.drift.length} charts from ${CASES.length} of ${CASES.length} cases in \\d+ s: ${inAlarm} charts in alarm, recalibration due for .*Chidi Okafor`));
});

/** The attributes of an HTML start tag, unescaped. */
function attributesOf(tag: string): Record<string, string> {
  const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Object.fromEntries([...tag.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));
}
const numberOrNull = (value: string | undefined) => (value === undefined ? null : Number(value));

test('report --html: one self-contained file whose SVG points carry the drift numbers', async () => {
  const file = join(dir, 'programme.html');
  const { code, stdout } = await segqc(['report', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--html', file]);
  expect(code).toBe(0);
  expect(stdout).toMatch(new RegExp(`^wrote ${file}: ${expected.drift.length} drift charts from ${CASES.length} of ${CASES.length} cases, recalibration due for \\d annotators?\\n$`));
  const html = readFileSync(file, 'utf8');

  // Nothing to fetch: no script, stylesheet link, image, frame or CSS import; the SVG is inline.
  expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\ssrc=|\shref=|xlink:href|url\(|@import/i);

  const charts = [...html.matchAll(/<svg class="ewma-chart"[^>]*>[\s\S]*?<\/svg>/g)].map(([svg]) => ({
    chart: attributesOf(svg.slice(0, svg.indexOf('>'))),
    points: [...svg.matchAll(/<circle class="value"[^>]*>/g)].map(([circle]) => attributesOf(circle)),
    unmonitored: [...svg.matchAll(/<rect class="unmonitored"[^>]*>/g)].map(([rect]) => attributesOf(rect)),
  }));
  expect(charts).toHaveLength(expected.drift.length);
  for (const drift of expected.drift) {
    const { series, state } = drift;
    const drawn = charts.find((c) => c.chart['data-annotator'] === series.annotator && c.chart['data-structure'] === series.structure && c.chart['data-modality'] === series.modality)!;
    expect([drawn.chart['data-recalibration-due'], Number(drawn.chart['data-alarms']), numberOrNull(drawn.chart['data-centre'])]).toEqual([String(state.recalibrationDue), state.chart.alarms.length, state.chart.centre]);
    expect(drawn.points.map((p) => [p['data-case'], p['data-date'], Number(p['data-dice']), p['data-phase'], numberOrNull(p['data-ewma']), numberOrNull(p['data-lower']), numberOrNull(p['data-upper']), p['data-alarm']])).toEqual(
      state.chart.points.map((point, i) => [
        series.observations[i].caseId, series.observations[i].date, point.value, point.phase,
        point.phase === 'monitoring' ? point.ewma : null, point.phase === 'monitoring' ? point.lower : null, point.phase === 'monitoring' ? point.upper : null,
        point.phase === 'monitoring' ? point.alarm ?? 'none' : 'none',
      ]),
    );
    expect(drawn.unmonitored.map((p) => [p['data-case'], p['data-date'], Number(p['data-dice']), p['data-reference']])).toEqual(drift.unmonitored.map((o) => [o.caseId, o.date, o.dice, o.reference]));
  }

  // The tables: Okafor due with the calibration case, the pairwise Dice, Fleiss' κ on the lesion count, every case in the overview.
  const due = [...html.matchAll(/<li class="recalibration-due"[^>]*>/g)].map(([li]) => attributesOf(li));
  expect(due.find((d) => d['data-annotator'] === OKAFOR)!['data-calibration-cases']).toBe(JSON.stringify([studyOf('ct-cal')]));
  const cells = [...html.matchAll(/<td class="irr-cell"[^>]*>/g)].map(([td]) => attributesOf(td));
  expect(cells).toHaveLength(expected.irr.reduce((n, m) => n + m.annotators.length * (m.annotators.length - 1), 0));
  const lung = expected.irr.find((m) => m.structure === 'Right lung')!;
  const cell = cells.find((c) => c['data-a'] === lung.annotators[0] && c['data-b'] === lung.annotators[1])!;
  expect([Number(cell['data-dice']), Number(cell['data-cases'])]).toEqual([lung.meanDice[0][1], lung.cases[0][1]]);
  const fleiss = expected.lesionLabels.find((l) => l.kind === 'lesion-count')!.agreement!.fleiss!.kappa.kappa;
  expect(html).toContain(`<tr class="fleiss" data-kappa="${fleiss}"`);
  const rows = [...html.matchAll(/<tr class="overview-row"[^>]*>/g)].map(([tr]) => attributesOf(tr));
  expect(rows.map((r) => r['data-study']).sort()).toEqual(CASES.map(studyOf).sort());
  expect(rows.find((r) => r['data-study'] === studyOf('ct-cal'))!['data-calibration']).toBe('true');
});
