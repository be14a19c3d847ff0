import { failedCriteriaText } from './failedCriteriaText';
import type { ReviewRow, Verdict } from './reviewSummary';

export const VERDICT_TEXT: Record<Verdict, string> = { escalate: 'Escalate', pass: 'Pass', 'no-thresholds': 'No SOP limits' };

const fixed = (value: number | null, digits: number, unit = '') => (value === null ? '—' : `${value.toFixed(digits)}${unit}`);

/**
 * One pair on one structure: who, the verdict and why, in one or two lines that fit OHIF's
 * default side panel; the measures under "Measures" on demand.
 */
export function ReviewPairRow({ row, nameOf }: { row: ReviewRow; nameOf: (id: string) => string }) {
  const why = failedCriteriaText(row.failed, nameOf);
  return (
    <li className="segqc-review-row" data-testid="segqc-review-row" data-structure={row.structureLabel} data-a={row.a} data-b={row.b} data-verdict={row.verdict} data-dice={row.dice ?? ''}
      data-hd95={row.hd95Mm ?? ''} data-nsd={row.nsd ?? ''} data-nsd-tolerance={row.nsdToleranceMm ?? ''} data-volume-a={row.volumeAMl ?? ''} data-volume-b={row.volumeBMl ?? ''}
      data-missed={row.missedLesions ?? ''} data-extra={row.extraLesions ?? ''}>
      <div className="segqc-review-row-head">
        <span className="segqc-review-pair" data-testid="segqc-review-pair">
          {nameOf(row.a)} – {nameOf(row.b)}
        </span>
        <span className={`segqc-verdict segqc-verdict-${row.verdict}`} data-testid="segqc-review-verdict">
          {VERDICT_TEXT[row.verdict]}
        </span>
      </div>
      {why && (
        <div className="segqc-review-why" data-testid="segqc-review-why">
          {why}
        </div>
      )}
      <details className="segqc-review-measures">
        <summary>Measures</summary>
        <dl>
          <dt>Dice</dt>
          <dd>{fixed(row.dice, 3)}</dd>
          <dt>HD95</dt>
          <dd>{fixed(row.hd95Mm, 1, ' mm')}</dd>
          <dt>NSD{row.nsdToleranceMm === null ? '' : ` at ${row.nsdToleranceMm} mm`}</dt>
          <dd>{row.nsdToleranceMm === null ? '—' : fixed(row.nsd, 2)}</dd>
          <dt>Volumes</dt>
          <dd>
            {fixed(row.volumeAMl, 1, ' mL')} / {fixed(row.volumeBMl, 1, ' mL')}
          </dd>
          <dt title={`Lesions of ${nameOf(row.a)} that ${nameOf(row.b)} missed / extra lesions of ${nameOf(row.b)}`}>Missed / extra</dt>
          <dd>{row.missedLesions === null ? '—' : `${row.missedLesions} / ${row.extraLesions}`}</dd>
        </dl>
      </details>
    </li>
  );
}
