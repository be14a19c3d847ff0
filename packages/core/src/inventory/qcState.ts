/**
 * The QC state of a case (CaseInventory QcState) from how many annotations were made of its
 * compared series and its QC reports in revision order. A report counts as a decision when it is
 * a signed adjudication (VERIFIED, by an observer in the role Adjudicator) or decides at least one
 * structure; a report that only measures (no SOP thresholds, no decision) leaves the case awaiting
 * review. The latest decision stands:
 * - a signed adjudication: `adjudicated`;
 * - any structure escalated: `escalated` (no signed adjudication came after it);
 * - every structure agreed: `agreed`;
 * - otherwise (a structure left undecided, or an adjudicator's unsigned draft): `awaiting-review`.
 * A signed adjudication closes the case for the annotations it judged: a later review of those same
 * SEGs (a batch `segqc qc --write-reports`, a second look) cannot reopen it, since the adjudicator's
 * decision already overrides the reviewer's verdicts; only a newer adjudication, or a review that
 * judges a SEG the adjudication did not (a new reading of the case), decides again.
 */
import type { QcReportInit } from '../sr/QcReport';
import type { QcState } from './InventoryModel';

export function qcStateOf(annotationsOfComparedSeries: number, reports: readonly QcReportInit[]): QcState {
  if (annotationsOfComparedSeries < 2) return 'not-double-read';
  const decisions = reports.filter((report) => isSignedAdjudication(report) || report.structures.some((structure) => structure.decision !== undefined));
  let adjudication = decisions.length - 1;
  while (adjudication >= 0 && !isSignedAdjudication(decisions[adjudication])) adjudication--;
  const reopening = adjudication < 0 ? decisions : decisions.slice(adjudication + 1).filter((report) => judgesSegNotIn(report, decisions[adjudication]));
  const latest = reopening[reopening.length - 1] ?? decisions[adjudication];
  if (latest === undefined) return 'awaiting-review';
  if (isSignedAdjudication(latest)) return 'adjudicated';
  const outcomes = latest.structures.map((structure) => structure.decision?.outcome);
  if (outcomes.includes('escalated')) return 'escalated';
  return outcomes.every((outcome) => outcome === 'agreed') ? 'agreed' : 'awaiting-review';
}

const judgedSegs = (report: QcReportInit): string[] => report.structures.flatMap((structure) => structure.annotations.map((annotation) => annotation.segment.sopInstanceUid));

function judgesSegNotIn(report: QcReportInit, adjudication: QcReportInit): boolean {
  const adjudicated = new Set(judgedSegs(adjudication));
  return judgedSegs(report).some((uid) => !adjudicated.has(uid));
}

/** A signed adjudication: verified, by an adjudicator (the viewer's "adjudication in force"). */
export function isSignedAdjudication(report: QcReportInit): boolean {
  return report.verification !== undefined && report.observer?.role === 'adjudicator';
}
