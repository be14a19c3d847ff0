import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { CaseReviewState } from './useCaseReview';
import { AgreementSummary } from './AgreementSummary';

const STAGE_TEXT = { retrieving: 'Retrieving annotations from the PACS', comparing: 'Comparing annotations' } as const;

/** The agreement of the case, worst first, with the worker's progress while it computes and the rows it has computed so far. */
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
      {state.status === 'running' && state.partial && <AgreementSummary review={state.partial} nameOf={(id) => names.get(id)?.annotator ?? id} />}
      {state.status === 'done' && <AgreementSummary review={state.review} nameOf={(id) => names.get(id)?.annotator ?? id} />}
    </section>
  );
}
