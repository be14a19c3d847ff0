import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { CaseReviewState } from './useCaseReview';
import type { ReviewRow } from './reviewSummary';

const STAGE_TEXT = { retrieving: 'Retrieving annotations from the PACS', comparing: 'Comparing annotations' } as const;

const fixed = (value: number | null, digits: number, unit = '') => (value === null ? '—' : `${value.toFixed(digits)}${unit}`);

function describeFailed(row: ReviewRow): string {
  return row.failed
    .map(({ criterion, threshold, value }) => (criterion === 'missing' ? 'segmented by one annotator only' : `${criterion} ${fixed(value, 2)} (limit ${fixed(threshold, 2)})`))
    .join('; ');
}

function Row({ row, names }: { row: ReviewRow; names: ReadonlyMap<string, AnnotationSummary> }) {
  const pair = `${names.get(row.a)?.annotator ?? row.a} – ${names.get(row.b)?.annotator ?? row.b}`;
  return (
    <tr data-testid="segqc-review-row" data-structure={row.structureLabel} data-a={row.a} data-b={row.b} data-verdict={row.verdict} data-dice={row.dice ?? ''}
      data-hd95={row.hd95Mm ?? ''} data-nsd={row.nsd ?? ''} data-nsd-tolerance={row.nsdToleranceMm ?? ''} data-volume-a={row.volumeAMl ?? ''} data-volume-b={row.volumeBMl ?? ''}
      data-missed={row.missedLesions ?? ''} data-extra={row.extraLesions ?? ''}>
      <td>{row.structureLabel}</td>
      <td>{pair}</td>
      <td>{fixed(row.dice, 3)}</td>
      <td>{fixed(row.hd95Mm, 1)}</td>
      <td>{row.nsdToleranceMm === null ? '—' : fixed(row.nsd, 2)}</td>
      <td>
        {fixed(row.volumeAMl, 1)} / {fixed(row.volumeBMl, 1)}
      </td>
      <td>{row.missedLesions === null ? '—' : `${row.missedLesions} / ${row.extraLesions}`}</td>
      <td className={`segqc-verdict segqc-verdict-${row.verdict}`} title={describeFailed(row)}>
        {row.verdict === 'escalate' ? 'Escalate' : row.verdict === 'pass' ? 'Pass' : 'No SOP limits'}
      </td>
    </tr>
  );
}

/** The agreement table of the case, worst first, with the worker's progress while it computes. */
export function ReviewSection({ state, names, annotationCount }: { state: CaseReviewState; names: ReadonlyMap<string, AnnotationSummary>; annotationCount: number }) {
  return (
    <section className="segqc-section" data-testid="segqc-review" data-status={state.status}>
      <h3 className="segqc-subtitle">Agreement</h3>
      {state.status === 'idle' && <p className="segqc-empty">{annotationCount < 2 ? 'Agreement needs two or more annotations of one series.' : 'Waiting for the annotations…'}</p>}
      {state.status === 'running' && (
        <div className="segqc-progress" role="status">
          <progress data-testid="segqc-review-progress" max={state.progress?.total ?? 1} value={state.progress?.done ?? 0} />
          <span>{state.progress ? `${STAGE_TEXT[state.progress.stage]} (${state.progress.done}/${state.progress.total})` : 'Starting…'}</span>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="segqc-error" role="alert" data-testid="segqc-review-error">
          Agreement could not be computed: {state.error}
        </div>
      )}
      {state.status === 'done' &&
        state.review.excluded.map(({ id, error }) => (
          <div key={id} className="segqc-error" role="alert" data-testid="segqc-review-excluded">
            {names.get(id)?.annotator ?? id} is left out of the agreement: {error}
          </div>
        ))}
      {state.status === 'done' &&
        state.review.unreadableReports.map(({ sopInstanceUid, error }) => (
          <div key={sopInstanceUid} className="segqc-error" role="alert" data-testid="segqc-review-unreadable-report">
            The QC report {sopInstanceUid} of this study cannot be read, and is not taken into account: {error}
          </div>
        ))}
      {state.status === 'done' &&
        state.review.warnings.map(({ id, warning }) => (
          <p key={`${id}|${warning}`} className="segqc-warning" role="note" data-testid="segqc-review-warning" data-id={id}>
            {names.get(id)?.annotator ?? id}: {warning}
          </p>
        ))}
      {state.status === 'done' && (
        <table className="segqc-review-table">
          <thead>
            <tr>
              <th>Structure</th>
              <th>Pair</th>
              <th title="Dice similarity coefficient">Dice</th>
              <th title="95th percentile Hausdorff distance, mm">HD95</th>
              <th title="Normalized surface Dice at the SOP's tolerance">NSD</th>
              <th title="Volumes A / B, mL">Vol mL</th>
              <th title="Lesions of A missed by B / extra lesions of B">Miss/extra</th>
              <th>Verdict</th>
            </tr>
          </thead>
          <tbody>
            {state.review.rows.map((row) => (
              <Row key={`${row.structureKey}|${row.a}|${row.b}`} row={row} names={names} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
