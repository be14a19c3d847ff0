import type { CaseSummary, Recalibration } from '@segqc/core';
import { annotateRoute } from './caseRoutes';
import { calendarDate, personLabel } from './format';
import { ViewerLink } from './ProgrammePage';

/** The annotators a drift alarm marks "recalibration due", with the calibration cases to annotate again. */
export function RecalibrationView({ due, cases }: { due: readonly Recalibration[]; cases: ReadonlyMap<string, CaseSummary> }) {
  if (due.length === 0) return <p className="segqc-muted" data-testid="segqc-recalibration-none">No annotator is due for recalibration: every chart’s latest point is within its limits.</p>;
  return (
    <ul className="segqc-recalibration" data-testid="segqc-recalibration">
      {due.map((entry) => (
        <li key={entry.annotator} data-testid="segqc-recalibration-due" data-annotator={entry.annotator} data-calibration-cases={JSON.stringify(entry.calibrationCases)}>
          <strong>{personLabel(entry.annotator)}</strong> <span className="segqc-alarm-badge">recalibration due</span>
          <div>
            Below the lower limit on{' '}
            {entry.series.map((s) => `${s.structure} (${s.modality}) since ${cases.get(s.sinceCaseId)?.label ?? s.sinceCaseId}, ${calendarDate(s.sinceDate)}`).join('; ')}.
          </div>
          <div>
            Calibration cases to annotate again:{' '}
            {entry.calibrationCases.length === 0
              ? <span className="segqc-warning">none in the PACS for this modality — add a case with a GOLD reference SEG</span>
              : entry.calibrationCases.map((caseId, n) => (
                <span key={caseId}>
                  {n > 0 && ', '}
                  <ViewerLink route={annotateRoute(caseId)} testId="segqc-recalibration-case">{cases.get(caseId)?.label ?? caseId}</ViewerLink>
                </span>
              ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
