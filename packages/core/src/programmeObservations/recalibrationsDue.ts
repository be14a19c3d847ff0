import type { DriftChart } from './programmeReliability';

export interface Recalibration {
  annotator: string;
  /** The series whose latest point is beyond the worse-side limit, and since which case and date. */
  series: Array<{ structure: string; modality: string; sinceCaseId: string; sinceDate: string }>;
  /** The calibration cases to annotate again (study UIDs), each once. */
  calibrationCases: string[];
}

/** The annotators whose drift state asks for recalibration (driftState's rule), each with what to redo, in the charts' order. */
export function recalibrationsDue(drift: readonly DriftChart[]): Recalibration[] {
  const byAnnotator = new Map<string, Recalibration>();
  for (const { state } of drift) {
    if (!state.recalibrationDue || !state.dueSince) continue;
    const entry = byAnnotator.get(state.annotator) ?? { annotator: state.annotator, series: [], calibrationCases: [] };
    byAnnotator.set(state.annotator, entry);
    entry.series.push({ structure: state.structure, modality: state.modality, sinceCaseId: state.dueSince.caseId, sinceDate: state.dueSince.date });
    entry.calibrationCases.push(...state.calibrationCasesToRedo.filter((caseId) => !entry.calibrationCases.includes(caseId)));
  }
  return [...byAnnotator.values()];
}
