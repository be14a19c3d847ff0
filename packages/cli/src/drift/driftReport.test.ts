// What `segqc drift` prints for a programme whose charts are worked out by hand: the row of each
// chart, who is due with the calibration cases, the summary line and the exit decision (inAlarm).
// Why: a nightly job and the person reading its log act on these lines.
import { programmeReliability, type CaseObservations } from '@segqc/core';
import { driftText, summarizeDrift, type DriftJson } from './driftReport';

const week = (k: number): string => new Date(Date.UTC(2024, 2, 4 + 7 * k)).toISOString().slice(0, 10);
// Okafor's right-lung Dice, a case a week: a baseline of 0.9, 0.92, 0.9, 0.92, then 0.8 twice.
const OKAFOR = [0.9, 0.92, 0.9, 0.92, 0.8, 0.8];
// Rivera's: steady.
const RIVERA = [0.9, 0.92, 0.9, 0.92, 0.91, 0.9];

const cases: CaseObservations[] = OKAFOR.map((_, k) => ({
  caseId: `1.2.${k + 1}`,
  modality: 'CT',
  structures: [{ label: 'Right lung', reference: 'adjudicated', lesion: false }],
  agreement: [
    { caseId: `1.2.${k + 1}`, date: `${week(k)}T09:30:00`, annotator: 'Okafor^Chidi', structure: 'Right lung', modality: 'CT', dice: OKAFOR[k], reference: 'adjudicated' },
    { caseId: `1.2.${k + 1}`, date: `${week(k)}T10:30:00`, annotator: 'Rivera^Ana', structure: 'Right lung', modality: 'CT', dice: RIVERA[k], reference: 'adjudicated' },
  ],
  pairs: [],
  lesionCounts: [],
  calibration: [],
}));
const reliability = programmeReliability(cases, [{ caseId: '1.2.99', modality: 'CT' }], { labels: { bootstrap: false } });
const names = new Map([...OKAFOR.map((_, k) => [`1.2.${k + 1}`, `CT-0${k + 1}`] as [string, string]), ['1.2.99', 'CAL']]);
const caseName = (uid: string) => names.get(uid) ?? uid;
const summary = summarizeDrift(reliability, { cases: 7, compared: 6, skipped: 1 }, 12);
const json: DriftJson = {
  pacs: 'https://pacs.test/dicom-web', summary, calibrationCases: [{ caseId: '1.2.99', modality: 'CT' }], reliability,
  skipped: [{ studyInstanceUid: '1.2.7', reason: 'its SEGs could not be compared: the PACS answered HTTP 500' }],
};

// Baseline mean 0.91, s = √(0.0004/3), σ = s / c4(4) with c4(4) = √(2/3)·Γ(2)/Γ(1.5) = √(2/3)·2/√π.
const sigma = Math.sqrt(0.0004 / 3) / (Math.sqrt(2 / 3) * (2 / Math.sqrt(Math.PI)));
// The latest point is the second monitored one: half-width 3σ√(0.2/1.8 · (1 − 0.8⁴)); z = 0.2·0.8 + 0.8·(0.2·0.8 + 0.8·0.91).
const half = 3 * sigma * Math.sqrt((0.2 / 1.8) * (1 - 0.8 ** 4));
const z = 0.2 * 0.8 + 0.8 * (0.2 * 0.8 + 0.8 * 0.91);

test('the summary counts the charts in alarm and who is due', () => {
  expect(summary).toEqual({ cases: 7, compared: 6, skipped: 1, charts: 2, inAlarm: 1, recalibrationDue: ['Okafor^Chidi'], seconds: 12 });
});

test('a row per chart with the latest limits and EWMA and its state; who is due; the skipped; the summary line last', () => {
  const lines = driftText(json, caseName).split('\n');
  expect(lines[0].split(/\s{2,}/).filter(Boolean)).toEqual(['annotator', 'structure', 'modality', 'points', 'unmonitored', 'centre', 'limits (latest)', 'EWMA (latest)', 'state']);
  expect(lines[1].split(/\s{2,}/).filter(Boolean)).toEqual([
    'Chidi Okafor', 'Right lung', 'CT', '6', '0', '0.910', `${(0.91 - half).toFixed(3)} – ${(0.91 + half).toFixed(3)}`, z.toFixed(3), `ALARM below since CT-05 (${week(4)})`,
  ]);
  expect(lines[2].split(/\s{2,}/).filter(Boolean).slice(0, 6)).toEqual(['Ana Rivera', 'Right lung', 'CT', '6', '0', '0.910']);
  expect(lines[2].endsWith('in control')).toBe(true);
  expect(lines.slice(3)).toEqual([
    'recalibration due:',
    `  Chidi Okafor: Right lung (CT) since CT-05, ${week(4)}`,
    '    calibration cases to redo: CAL (1.2.99)',
    'skipped:',
    '  1.2.7: its SEGs could not be compared: the PACS answered HTTP 500',
    'segqc drift: 2 charts from 6 of 7 cases (1 skipped) in 12 s: 1 chart in alarm, recalibration due for Chidi Okafor',
    '',
  ]);
});

test('a programme without alarms says so; one without charts says why', () => {
  const calm = programmeReliability(cases.map((c) => ({ ...c, agreement: c.agreement.filter((a) => a.annotator === 'Rivera^Ana') })), [], { labels: { bootstrap: false } });
  const calmSummary = summarizeDrift(calm, { cases: 6, compared: 6, skipped: 0 }, 3);
  expect(calmSummary.inAlarm).toBe(0);
  expect(driftText({ ...json, reliability: calm, summary: calmSummary, skipped: [] }, caseName).trim().split('\n').pop()).toBe('segqc drift: 1 chart from 6 of 6 cases in 3 s: no alarm');
  const none = programmeReliability([], []);
  expect(driftText({ ...json, reliability: none, summary: summarizeDrift(none, { cases: 0, compared: 0, skipped: 0 }, 0), skipped: [] }, caseName)).toBe(
    '  no chart: no case has a reference to compare with yet (a case needs an adjudicated or gold SEG, or three annotators for an unmonitored majority vote)\nsegqc drift: 0 charts from 0 of 0 cases in 0 s: no alarm\n',
  );
});

test('annotator names, case names and reasons from the PACS print without control characters', () => {
  const hostile: DriftJson = { ...json, skipped: [{ studyInstanceUid: '1.2.7', reason: 'the SR 2.25.6 could not be read: \u001b[2J\u009b31mboom\nsegqc drift: no alarm' }] };
  const text = driftText(hostile, (uid) => (uid === '1.2.7' ? 'CT\u001b]0;title\u000707' : caseName(uid)));
  expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text)).toBe(false);
  expect(text).toContain('  CT]0;title07: the SR 2.25.6 could not be read: [2J31mboom segqc drift: no alarm\n');
});
