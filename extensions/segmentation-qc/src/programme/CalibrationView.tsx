import type { AnnotatorCalibration, CaseSummary } from '@segqc/core';
import { calendarDate, fixed, personLabel } from './format';

/** Each annotator's accuracy on the calibration cases: their masks against the gold (core calibrationScores). */
export function CalibrationView({ calibration, cases }: { calibration: readonly AnnotatorCalibration[]; cases: ReadonlyMap<string, CaseSummary> }) {
  if (calibration.length === 0) return <p className="segqc-muted">No calibration case (a case with a GOLD reference SEG) has been annotated.</p>;
  return (
    <table className="segqc-page-table" data-testid="segqc-calibration">
      <thead>
        <tr>
          <th>Annotator</th>
          <th>Case</th>
          <th>Date</th>
          <th>Structure</th>
          <th>Dice</th>
          <th>HD95 (mm)</th>
          <th>Volume error</th>
        </tr>
      </thead>
      <tbody>
        {calibration.flatMap((annotator) =>
          annotator.cases.map((score, n) => (
            <tr key={`${annotator.annotator}|${score.caseId}|${score.structure}`} data-testid="segqc-calibration-row" data-annotator={annotator.annotator} data-case={score.caseId} data-structure={score.structure} data-dice={score.dice}>
              <td>{n === 0 ? personLabel(annotator.annotator) : ''}</td>
              <td>{cases.get(score.caseId)?.label ?? score.caseId}</td>
              <td>{calendarDate(score.date)}</td>
              <td>{score.structure}</td>
              <td>{fixed(score.dice)}</td>
              <td>{fixed(score.hd95Mm, 2)}</td>
              <td>{score.volumeErrorPercent === null ? '—' : `${score.volumeErrorPercent > 0 ? '+' : ''}${fixed(score.volumeErrorPercent, 1)} %`}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
