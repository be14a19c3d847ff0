import { ANNOTATORS, PROGRAMME_DAYS, PROGRAMME_START, demoManifest, type AnnotatorKey } from '@segqc/demo-data';
import { ewmaChart } from '@segqc/core';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import { segqc, type SegqcRun } from '../harness/segqcCommand';
import type { DriftJson } from '../../packages/cli/src/drift/driftReport';
import type { AdjudicateJson } from '../../packages/cli/src/adjudicate/runAdjudicate';

// The scenario through the command line. The demo CT programme (as segqcDrift.test.ts:
// ct-01..ct-07 adjudicated against the phantom's truth, ct-08 open, ct-cal with a gold reference;
// Rivera, Chen and Okafor, Okafor drifting to ever larger lungs). A batch job adjudicates the open
// ct-08 by accepting Rivera's segmentation (`segqc adjudicate --accept arivera`), so ct-08 joins the
// monitored charts with Rivera's SEG as its reference standard. The nightly `segqc drift` must then
// still tell the drifting annotator from the others: Rivera (compared with her own segmentation on
// ct-08) and Chen raise no alarm, and Okafor's lungs first alarm at the case the drift schedule
// predicts — his boundary offset, bias + drift × share of the programme elapsed, charted against the
// reference's offset (the truth's 0, or Rivera's on ct-08) with the chart's own rule — and stay due.
jest.setTimeout(600_000);

const CASES = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08', 'ct-cal'];
const manifest = demoManifest({ cases: CASES });
const planOf = (caseId: string) => manifest.cases.find((c) => c.caseId === caseId)!;
const caseOfStudy = (uid: string) => manifest.cases.find((c) => c.StudyInstanceUID === uid)!.caseId;
const CT08 = planOf('ct-08').StudyInstanceUID;
const nameOf = (reader: AnnotatorKey) => ANNOTATORS[reader].name;
const LUNGS = ['Right lung', 'Left lung'];

const isoDate = (da: string) => `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`;
/** An annotator's boundary offset (voxels) on the day of their SEG of a case, as the generator draws it. */
function offset(reader: AnnotatorKey, caseId: string): number {
  const seg = planOf(caseId).segs.find((s) => s.annotator.key === reader)!;
  const days = (Date.parse(isoDate(seg.ContentDate)) - Date.parse(isoDate(PROGRAMME_START))) / 86_400_000;
  return ANNOTATORS[reader].biasVoxels + ANNOTATORS[reader].driftVoxels * Math.min(1, Math.max(0, days / PROGRAMME_DAYS));
}
/** The reference's offset: the truth's (0) on the demo's adjudicated and gold cases, Rivera's on ct-08 now. */
const referenceOffset = (caseId: string) => (caseId === 'ct-08' ? offset('rivera', caseId) : 0);

let pacs: TestPacs;
let adjudicate: SegqcRun;
let drift: SegqcRun;
beforeAll(async () => {
  pacs = await startTestPacs(CASES);
  adjudicate = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, '--study', CT08, '--accept', 'arivera', '--reason', 'boundaryDisagreement',
    '--check', 'reference-justified', '--adjudicator', 'Lindqvist^Maria', '--login', 'mlindqvist', '--json']);
  drift = await segqc(['drift', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--json']);
});
afterAll(async () => {
  await pacs?.stop();
});

test('ct-08 is adjudicated by accepting Rivera', () => {
  expect([adjudicate.code, adjudicate.stderr]).toEqual([0, '']);
  const json = JSON.parse(adjudicate.stdout) as AdjudicateJson;
  expect(json.cases.map((c) => [c.studyInstanceUid, c.status])).toEqual([[CT08, 'adjudicated']]);
  const rivera = json.cases[0].annotations.find((id) => id.startsWith('Rivera'))!;
  // Every structure the review escalated takes Rivera's segment; one it passed is recorded as agreed.
  expect(json.cases[0].structures.map((s) => [s.reviewLabel, s.method, s.accepted?.id, s.outcome])).toEqual(
    json.cases[0].structures.map((s) => [s.reviewLabel, 'accept', rivera, s.escalated ? 'accepted' : 'agreed']),
  );
});

test('drift after the adjudication: ct-08 is monitored; Rivera and Chen raise no alarm; Okafor’s lungs alarm at the case the schedule predicts', () => {
  const json = JSON.parse(drift.stdout) as DriftJson;
  // What drift says of each chart, in one object, so that a failure shows all of it.
  const charts = json.reliability.drift.map((d) => ({
    chart: `${d.series.annotator}|${d.series.structure}`,
    alarms: d.state.chart.alarms.map((a) => `${caseOfStudy(d.series.observations[a.index].caseId)} ${a.side}`),
    recalibrationDue: d.state.recalibrationDue,
  }));

  // ct-08 now has a reference standard: it is a monitored point of Chen's and Okafor's lung charts, no
  // longer shown beside them. Issue 14 changed Rivera's: the reference is her own segmentation (accepted,
  // or "agreed" and hers voxel for voxel), so her Dice 1 on ct-08 is drawn beside her chart, marked
  // "reference taken from this annotator", and not monitored.
  for (const d of json.reliability.drift.filter((c) => LUNGS.includes(c.series.structure))) {
    const ct08 = <T extends { caseId: string }>(observations: readonly T[]) => observations.filter((o) => o.caseId === CT08);
    if (d.series.annotator === nameOf('rivera')) {
      expect(ct08(d.series.observations)).toEqual([]);
      expect(d.unmonitored.map((o) => [o.caseId, o.reference, o.dice, o.unmonitored])).toEqual([[CT08, 'adjudicated', 1, 'reference-from-annotator']]);
    } else {
      expect(ct08(d.series.observations).map((o) => o.reference)).toEqual(['adjudicated']);
      expect(d.unmonitored).toEqual([]);
    }
  }

  // Rivera and Chen: no alarm on any chart.
  expect(charts.filter((c) => c.chart.startsWith(`${nameOf('rivera')}|`) || c.chart.startsWith(`${nameOf('chen')}|`)).filter((c) => c.alarms.length > 0 || c.recalibrationDue)).toEqual([]);

  // Okafor's lungs: due, every alarm below, the first at the case the drift schedule predicts.
  for (const structure of LUNGS) {
    const d = json.reliability.drift.find((c) => c.series.annotator === nameOf('okafor') && c.series.structure === structure)!;
    const order = d.series.observations.map((o) => caseOfStudy(o.caseId));
    const { lambda, limitWidth, baselinePoints, sigmaSource } = d.state.chart;
    const schedule = ewmaChart(order.map((c) => -Math.abs(offset('okafor', c) - referenceOffset(c))), {
      lambda, limitWidth, baselinePoints, alarmSide: 'below', ...(sigmaSource !== 'given' ? { sigmaEstimator: sigmaSource } : {}),
    });
    expect(schedule.firstAlarmIndex).not.toBeNull();
    expect([structure, d.state.chart.firstAlarmIndex === null ? null : order[d.state.chart.firstAlarmIndex]]).toEqual([structure, order[schedule.firstAlarmIndex!]]);
    expect(d.state.chart.alarms.every((a) => a.side === 'below')).toBe(true);
    expect(d.state.recalibrationDue).toBe(true);
  }
  expect(json.summary.recalibrationDue).toEqual([nameOf('okafor')]);
  // The nightly job fails while Okafor's alarm is in force.
  expect(drift.code).toBe(1);
});
