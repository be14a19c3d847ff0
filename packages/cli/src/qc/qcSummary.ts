import { terminalText } from '@segqc/core';
import { terminalLines } from '../terminalLines';
import { duration } from './duration';
import type { QcCaseResult } from './QcCaseResult';

/** The totals of a `segqc qc` run, over the cases judged now and those resumed from --state. */
export interface QcSummary {
  cases: number;
  reviewed: number;
  /** Of the reviewed, how many came from --state. */
  resumed: number;
  agreed: number;
  escalated: number;
  /** Reviewed, but some structure had no SOP thresholds and none was escalated. */
  noThresholds: number;
  notDoubleRead: number;
  failed: number;
  /** Per structure: in how many reviewed cases it was judged, and escalated. */
  structures: Array<{ label: string; cases: number; escalated: number }>;
  reportsWritten: number;
  seconds: number;
}

export function summarizeQc(results: readonly QcCaseResult[], resumed: ReadonlySet<string>, seconds: number): QcSummary {
  const reviewed = results.filter((result) => result.status === 'reviewed');
  const structures = new Map<string, { label: string; cases: number; escalated: number }>();
  for (const result of reviewed) {
    for (const structure of result.structures) {
      const entry = structures.get(structure.label) ?? { label: structure.label, cases: 0, escalated: 0 };
      entry.cases++;
      if (structure.verdict === 'escalate') entry.escalated++;
      structures.set(structure.label, entry);
    }
  }
  return {
    cases: results.length,
    reviewed: reviewed.length,
    resumed: reviewed.filter((result) => resumed.has(result.studyInstanceUid)).length,
    agreed: reviewed.filter((result) => result.verdict === 'pass').length,
    escalated: reviewed.filter((result) => result.verdict === 'escalate').length,
    noThresholds: reviewed.filter((result) => result.verdict === 'no-thresholds').length,
    notDoubleRead: results.filter((result) => result.status === 'not-double-read').length,
    failed: results.filter((result) => result.status === 'failed').length,
    structures: [...structures.values()].sort((a, b) => b.escalated - a.escalated || a.label.localeCompare(b.label)),
    reportsWritten: results.filter((result) => result.report !== null && !resumed.has(result.studyInstanceUid)).length,
    seconds,
  };
}

/**
 * The summary printed at the end: totals, escalations per structure, the escalated and the failed
 * cases, the objects that could not be read. Labels and reasons quote the PACS: every line is
 * cleaned of control characters (terminalLines).
 */
export function summaryText(summary: QcSummary, results: readonly QcCaseResult[], writeReports: boolean): string {
  const lines = [
    `segqc qc: ${summary.cases} case${summary.cases === 1 ? '' : 's'} in ${duration(summary.seconds * 1000)}`,
    `  reviewed         ${summary.reviewed}${summary.resumed > 0 ? ` (${summary.resumed} from --state)` : ''}`,
    `    agreed         ${summary.agreed}`,
    `    escalated      ${summary.escalated}`,
  ];
  if (summary.noThresholds > 0) lines.push(`    no thresholds  ${summary.noThresholds}`);
  lines.push(`  not double-read  ${summary.notDoubleRead}`, `  failed           ${summary.failed}`);
  if (summary.structures.length > 0) {
    const labels = summary.structures.map((s) => terminalText(s.label));
    const width = Math.max(...labels.map((label) => label.length));
    lines.push('  escalated per structure:');
    summary.structures.forEach((s, n) => lines.push(`    ${labels[n].padEnd(width)}  ${s.escalated} of ${s.cases} case${s.cases === 1 ? '' : 's'}`));
  }
  const escalated = results.filter((result) => result.verdict === 'escalate');
  if (escalated.length > 0) {
    lines.push('  escalated cases:');
    for (const result of escalated) {
      lines.push(`    ${result.studyInstanceUid}  ${result.modality ?? '?'}  ${result.structures.filter((s) => s.verdict === 'escalate').map((s) => s.label).join(', ')}`);
    }
  }
  const failed = results.filter((result) => result.status === 'failed');
  if (failed.length > 0) {
    lines.push('  failed cases:');
    for (const result of failed) lines.push(`    ${result.studyInstanceUid}  ${result.error ?? 'no reason given'}`);
  }
  const excluded = results.flatMap((result) => result.excluded.map((annotation) => ({ study: result.studyInstanceUid, ...annotation })));
  if (excluded.length > 0) {
    lines.push('  annotations left out:');
    for (const annotation of excluded) lines.push(`    ${annotation.study}  ${annotation.id} (SEG ${annotation.sopInstanceUid})  ${annotation.reason}`);
  }
  const warnings = results.flatMap((result) => result.warnings.map((warning) => ({ study: result.studyInstanceUid, ...warning })));
  if (warnings.length > 0) {
    lines.push('  warnings:');
    for (const warning of warnings) lines.push(`    ${warning.study}  ${warning.id} (SEG ${warning.sopInstanceUid})  ${warning.warning}`);
  }
  const unreadable = results.flatMap((result) => result.unreadable.map((object) => ({ study: result.studyInstanceUid, ...object })));
  if (unreadable.length > 0) {
    lines.push('  unreadable objects:');
    for (const object of unreadable) lines.push(`    ${object.study}  ${object.modality} ${object.sopInstanceUid ?? `in series ${object.seriesInstanceUid}`}  ${object.reason}`);
  }
  if (writeReports) lines.push(`  QC reports stored: ${summary.reportsWritten}`);
  return terminalLines(...lines);
}
