import type { DriftChart } from '@segqc/core';

export interface Recalibration {
  annotator: string;
  /** The series whose latest point is beyond the lower limit, and since which case. */
  series: Array<{ structure: string; modality: string; sinceCaseId: string; sinceDate: string }>;
  /** The calibration cases to annotate again (study UIDs), each once. */
  calibrationCases: string[];
}

/** The annotators whose drift state asks for recalibration (core driftState's rule), each with what to redo. */
export function recalibrationsDue(drift: readonly DriftChart[]): Recalibration[] {
  const byAnnotator = new Map<string, Recalibration>();
  for (const { state } of drift) {
    if (!state.recalibrationDue || !state.dueSince) continue;
    let entry = byAnnotator.get(state.annotator);
    if (!entry) byAnnotator.set(state.annotator, (entry = { annotator: state.annotator, series: [], calibrationCases: [] }));
    entry.series.push({ structure: state.structure, modality: state.modality, sinceCaseId: state.dueSince.caseId, sinceDate: state.dueSince.date });
    for (const caseId of state.calibrationCasesToRedo) if (!entry.calibrationCases.includes(caseId)) entry.calibrationCases.push(caseId);
  }
  return [...byAnnotator.values()];
}
