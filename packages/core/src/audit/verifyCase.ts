/**
 * Verifies a case's audit trail against what the PACS holds now (DESIGN.md: "tamper-evident through
 * the hashes and predecessor chain"). For every QC report of the case:
 * - each judged SEG must be present with the pixel-data SHA-256 the report recorded: another hash
 *   is `changed`, an absent SEG `missing`;
 * - each image of its Image Library must be present, else `missing`;
 * - each predecessor must be a QC report of this study that the PACS holds, and following
 *   predecessors must never come back to a report: else `broken-chain`.
 * An object of the case that cannot be read is `unreadable`. A clean case gives no findings.
 * Findings are grouped by object: a SEG judged by three reports is one finding naming the three.
 */
import type { CaseRecords, QcReportEvent, RetrievedObjects } from './AuditEvent';
import { AUDIT_FINDING_KINDS, type AuditFinding } from './AuditFinding';
import { reportsByUid } from './predecessorChain';

export function verifyCase(records: CaseRecords, retrieved: RetrievedObjects): AuditFinding[] {
  const study = records.studyInstanceUid;
  const grouped = new Map<string, AuditFinding>();
  const add = (key: string, finding: Omit<AuditFinding, 'studyInstanceUid' | 'referencedBy' | 'message'>, report: QcReportEvent, message: (by: string[]) => string) => {
    const existing = grouped.get(key);
    const referencedBy = existing ? [...existing.referencedBy, report.sopInstanceUid] : [report.sopInstanceUid];
    grouped.set(key, { ...finding, studyInstanceUid: study, referencedBy, message: message(referencedBy) });
  };
  const reports = reportsByUid(records.events);
  const byReports = (by: string[]) => `QC report${by.length > 1 ? 's' : ''} ${by.join(', ')}`;

  for (const report of reports.values()) {
    for (const seg of report.judged) {
      const now = retrieved.get(seg.sopInstanceUid);
      if (now === undefined) {
        add(`missing ${seg.sopInstanceUid}`, { kind: 'missing', sopInstanceUid: seg.sopInstanceUid, object: 'SEG' }, report,
          (by) => `SEG ${seg.sopInstanceUid} (series ${seg.seriesInstanceUid}) is missing; it was judged by ${byReports(by)}`);
      } else if (now.kind === 'seg' && now.pixelDataSha256 !== seg.pixelDataSha256) {
        add(`changed ${seg.sopInstanceUid} ${seg.pixelDataSha256}`, { kind: 'changed', sopInstanceUid: seg.sopInstanceUid, object: 'SEG', recordedSha256: seg.pixelDataSha256, currentSha256: now.pixelDataSha256 }, report,
          (by) => `SEG ${seg.sopInstanceUid} changed: its pixel data SHA-256 is ${now.pixelDataSha256}, ${byReports(by)} recorded ${seg.pixelDataSha256}`);
      } else if (now.kind !== 'seg' && now.kind !== 'unreadable') {
        add(`changed ${seg.sopInstanceUid} ${seg.pixelDataSha256}`, { kind: 'changed', sopInstanceUid: seg.sopInstanceUid, object: 'SEG', recordedSha256: seg.pixelDataSha256 }, report,
          (by) => `SEG ${seg.sopInstanceUid} changed: the PACS holds ${now.kind === 'image' ? 'an image' : 'an SR'} under its UID, ${byReports(by)} judged a SEG`);
      }
    }
    for (const group of report.imageLibrary) {
      for (const image of group.sopInstanceUids) {
        if (retrieved.has(image)) continue;
        add(`missing ${image}`, { kind: 'missing', sopInstanceUid: image, object: 'image' }, report,
          (by) => `image ${image} (series ${group.seriesInstanceUid}) is missing; it is in the Image Library of ${byReports(by)}`);
      }
    }
    for (const predecessor of report.predecessors) {
      const uid = predecessor.sopInstanceUid;
      const key = `broken-chain ${report.sopInstanceUid} ${uid}`;
      const finding = { kind: 'broken-chain', sopInstanceUid: uid, object: 'predecessor' } as const;
      const now = retrieved.get(uid);
      if (predecessor.studyInstanceUid !== study) {
        add(key, finding, report, () => `predecessor ${uid} of QC report ${report.sopInstanceUid} is of study ${predecessor.studyInstanceUid}, not of this study`);
      } else if (now === undefined) {
        add(key, finding, report, () => `predecessor ${uid} of QC report ${report.sopInstanceUid} is missing`);
      } else if (now.kind !== 'qc-report' && now.kind !== 'unreadable') {
        add(key, finding, report, () => `predecessor ${uid} of QC report ${report.sopInstanceUid} is ${now.kind === 'seg' ? 'a SEG' : now.kind === 'image' ? 'an image' : 'an SR that is not a SegQC QC report'}, not a QC report`);
      }
    }
  }
  for (const cycle of predecessorCycles(reports)) {
    const start = reports.get(cycle[0])!;
    add(`broken-chain cycle ${cycle[0]}`, { kind: 'broken-chain', sopInstanceUid: cycle[0], object: 'QC report' }, start,
      () => `QC report${cycle.length > 1 ? 's' : ''} ${[...cycle, cycle[0]].join(' → ')} form${cycle.length > 1 ? '' : 's'} a cycle of predecessors`);
  }
  for (const object of records.unreadable) {
    grouped.set(`unreadable ${object.sopInstanceUid}`, {
      kind: 'unreadable', studyInstanceUid: study, sopInstanceUid: object.sopInstanceUid, object: object.expected, referencedBy: [],
      message: `${object.expected} ${object.sopInstanceUid} (series ${object.seriesInstanceUid}) cannot be read: ${object.reason}`,
    });
  }
  return [...grouped.values()].sort((a, b) => AUDIT_FINDING_KINDS.indexOf(a.kind) - AUDIT_FINDING_KINDS.indexOf(b.kind) || (a.sopInstanceUid < b.sopInstanceUid ? -1 : a.sopInstanceUid > b.sopInstanceUid ? 1 : 0));
}

/**
 * Each cycle of the predecessor graph once, as the reports along it starting from the smallest
 * UID. A report is in a cycle when following predecessors from it comes back to it.
 */
function predecessorCycles(reports: ReadonlyMap<string, QcReportEvent>): string[][] {
  const cycles = new Map<string, string[]>();
  for (const start of reports.keys()) {
    const path = pathBack(start, reports);
    if (path === undefined) continue;
    const smallest = path.reduce((min, uid) => (uid < min ? uid : min));
    const at = path.indexOf(smallest);
    const rotated = [...path.slice(at), ...path.slice(0, at)];
    cycles.set([...rotated].sort().join(' '), rotated);
  }
  return [...cycles.values()];
}

/** A path of predecessors from `start` back to it (start first), or undefined. */
function pathBack(start: string, reports: ReadonlyMap<string, QcReportEvent>): string[] | undefined {
  const visited = new Set<string>();
  const walk = (uid: string, path: string[]): string[] | undefined => {
    for (const predecessor of reports.get(uid)?.predecessors ?? []) {
      const next = predecessor.sopInstanceUid;
      if (next === start) return path;
      if (visited.has(next) || !reports.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}
