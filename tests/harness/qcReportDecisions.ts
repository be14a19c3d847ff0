import type { QcReportInit } from '@segqc/core';

/** A QC report's decision on each structure, by structure label. */
export function reportDecisions(report: QcReportInit) {
  return Object.fromEntries(report.structures.map((s) => [s.label, { ...s.decision }]));
}
