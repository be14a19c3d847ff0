import { SopChecklist } from '../sop/SopChecklist';
import type { Checklist } from '../sop/useChecklist';
import type { Identity } from '../identity/Identity';
import type { RecordState } from './useRecordReview';

/**
 * The reviewer records the verdicts (agreed / escalated per structure) as a QC report in the PACS:
 * that is what sends escalated structures to adjudication and what the programme worklist reads.
 */
export function RecordReviewSection({ checklist, identity, state, onRecord, recordRefused = null }: {
  checklist: Checklist;
  identity: Identity | null;
  state: RecordState;
  onRecord: () => void;
  /** Why the signed-in user's role may not record a review (the gateway's role policy), or null. */
  recordRefused?: string | null;
}) {
  const missing = [
    ...checklist.missingRequired.map((item) => `SOP item: ${item.text}`),
    ...(identity ? [] : ['your name and login (at the top of the panel)']),
    ...(recordRefused ? [recordRefused] : []),
  ];
  return (
    <section className="segqc-section" data-testid="segqc-record-review">
      <h3 className="segqc-subtitle">Record the review</h3>
      <SopChecklist checklist={checklist} />
      {missing.length > 0 && (
        <ul className="segqc-checklist-missing">
          {missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <div className="segqc-form-row">
        <button type="button" data-testid="segqc-record-review-button" disabled={missing.length > 0 || state.status === 'recording'} onClick={onRecord}>
          {state.status === 'recording' ? 'Recording…' : 'Record review'}
        </button>
      </div>
      {state.status === 'recorded' && (
        <p className="segqc-checklist-complete" role="status" data-testid="segqc-record-review-done" data-report={state.reportSopInstanceUid}>
          Review recorded and queued for the PACS{state.revises ? ' (it revises the earlier report)' : ''}.
        </p>
      )}
      {state.status === 'failed' && (
        <div className="segqc-error" role="alert">
          Not recorded: {state.error}
        </div>
      )}
    </section>
  );
}
