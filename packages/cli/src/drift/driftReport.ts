import {
  recalibrationsDue, terminalText, type CalibrationCase, type DriftChart, type EwmaMonitoredPoint, type ProgrammeReliability, type ProgrammeReliabilityFromPacs, type SkippedCase,
} from '@segqc/core';
import { duration } from '../qc/duration';
import { terminalLines } from '../terminalLines';
import { chartState } from './chartState';
import { personLabel } from './personLabel';

/** The totals of a `segqc drift` run. */
export interface DriftSummary {
  /** Cases of the PACS with a SEG, and how many had something to compare. */
  cases: number;
  compared: number;
  skipped: number;
  charts: number;
  /** Charts whose latest point is beyond the worse-side limit: the alarms in force. */
  inAlarm: number;
  /** The annotators due for recalibration. */
  recalibrationDue: string[];
  seconds: number;
}

/** The JSON document of `--json`: the whole state. */
export interface DriftJson {
  pacs: string;
  summary: DriftSummary;
  calibrationCases: CalibrationCase[];
  reliability: ProgrammeReliability;
  skipped: SkippedCase[];
}

export function summarizeDrift(reliability: ProgrammeReliability, counts: { cases: number; compared: number; skipped: number }, seconds: number): DriftSummary {
  return {
    ...counts,
    charts: reliability.drift.length,
    inAlarm: reliability.drift.filter((d) => d.state.recalibrationDue).length,
    recalibrationDue: recalibrationsDue(reliability.drift).map((r) => r.annotator),
    seconds,
  };
}

/** The `--json` document of a programme read from `pacs` in `seconds`: what `segqc drift --json` prints and the QC dossier holds. */
export function driftJson(pacs: string, programme: ProgrammeReliabilityFromPacs, seconds: number): DriftJson {
  const { reliability, calibrationCases, skipped } = programme;
  const summary = summarizeDrift(reliability, { cases: programme.inventory.cases.length, compared: programme.observed.length, skipped: skipped.length }, seconds);
  return { pacs, summary, calibrationCases, reliability, skipped };
}

const fixed = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toFixed(3));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function latestMonitored(chart: DriftChart): EwmaMonitoredPoint | null {
  const latest = chart.state.chart.points[chart.state.chart.points.length - 1];
  return latest?.phase === 'monitoring' ? latest : null;
}

/** Columns padded to their widest cell; cells quote the PACS, so they are cleaned first (terminalText). */
function table(cells: string[][]): string[] {
  const rows = cells.map((row) => row.map(terminalText));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => `  ${row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')}`.trimEnd());
}

/**
 * What `segqc drift` prints: one row per annotator × structure × modality (points, centre, the
 * latest limits and EWMA, the state), who is due for recalibration with the calibration cases to
 * redo, the skipped cases, and the summary line last.
 */
export function driftText(json: DriftJson, caseName: (studyInstanceUid: string) => string): string {
  const { reliability, summary, skipped } = json;
  const lines: string[] = [];
  if (reliability.drift.length > 0) {
    lines.push(...table([
      ['annotator', 'structure', 'modality', 'points', 'unmonitored', 'centre', 'limits (latest)', 'EWMA (latest)', 'state'],
      ...reliability.drift.map((d) => {
        const latest = latestMonitored(d);
        return [
          personLabel(d.series.annotator), d.series.structure, d.series.modality, String(d.state.chart.points.length), String(d.unmonitored.length), fixed(d.state.chart.centre),
          latest && latest.lower !== null ? `${fixed(latest.lower)} – ${fixed(latest.upper)}` : '—', fixed(latest?.ewma), chartState(d.state, caseName),
        ];
      }),
    ]));
  } else {
    lines.push('  no chart: no case has a reference to compare with yet (a case needs an adjudicated or gold SEG, or three annotators for an unmonitored majority vote)');
  }
  const due = recalibrationsDue(reliability.drift);
  if (due.length > 0) {
    lines.push('recalibration due:');
    for (const entry of due) {
      lines.push(`  ${personLabel(entry.annotator)}: ${entry.series.map((c) => `${c.structure} (${c.modality}) since ${caseName(c.sinceCaseId)}, ${c.sinceDate.slice(0, 10)}`).join('; ')}`);
      lines.push(`    calibration cases to redo: ${entry.calibrationCases.length === 0 ? 'none in the PACS for this modality (add a case with a GOLD reference SEG)' : entry.calibrationCases.map((c) => `${caseName(c)} (${c})`).join(', ')}`);
    }
  }
  if (skipped.length > 0) {
    lines.push('skipped:');
    for (const s of skipped) lines.push(`  ${caseName(s.studyInstanceUid)}: ${s.reason}`);
  }
  const alarms = summary.inAlarm === 0
    ? 'no alarm'
    : `${plural(summary.inAlarm, 'chart')} in alarm, recalibration due for ${summary.recalibrationDue.map(personLabel).join(', ')}`;
  lines.push(`segqc drift: ${plural(summary.charts, 'chart')} from ${summary.compared} of ${plural(summary.cases, 'case')}${summary.skipped > 0 ? ` (${summary.skipped} skipped)` : ''} in ${duration(summary.seconds * 1000)}: ${alarms}`);
  return terminalLines(...lines);
}
