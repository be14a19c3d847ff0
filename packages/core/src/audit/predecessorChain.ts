/**
 * The revision history of a QC report: the reports it revises (Predecessor Documents), theirs, and
 * so on, nearest first. The walk stops at a report the case does not hold and never visits a
 * report twice, so a cycle (which verifyCase reports) cannot make it loop.
 */
import type { QcReportEvent } from './AuditEvent';

export function predecessorChain(report: QcReportEvent, reportsByUid: ReadonlyMap<string, QcReportEvent>): string[] {
  const chain: string[] = [];
  const seen = new Set([report.sopInstanceUid]);
  let frontier = [report];
  while (frontier.length > 0) {
    const next: QcReportEvent[] = [];
    for (const current of frontier) {
      for (const predecessor of current.predecessors) {
        if (seen.has(predecessor.sopInstanceUid)) continue;
        seen.add(predecessor.sopInstanceUid);
        chain.push(predecessor.sopInstanceUid);
        const earlier = reportsByUid.get(predecessor.sopInstanceUid);
        if (earlier) next.push(earlier);
      }
    }
    frontier = next;
  }
  return chain;
}

/** The QC report events of a list of events, by SOP Instance UID. */
export function reportsByUid(events: readonly { kind: string }[]): Map<string, QcReportEvent> {
  const reports = events.filter((event): event is QcReportEvent => event.kind === 'qc-report');
  return new Map(reports.map((report) => [report.sopInstanceUid, report]));
}
