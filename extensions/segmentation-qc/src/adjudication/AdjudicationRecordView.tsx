import { QC_DECISIONS, QC_REASONS, displayedPersonName, isoFromDicomDateTime } from '@segqc/core';
import { RecordedIdentity } from '../identity/RecordedIdentity';
import type { AdjudicationOnRecord, DecisionOnRecord } from '../review/reviewSummary';

/** A DICOM DT as `YYYY-MM-DD HH:MM:SS` with its offset when the report writes one: the time as signed, not converted. */
export function signedAtText(dateTime: string): string {
  return isoFromDicomDateTime(dateTime).replace('T', ' ').replace(/\.\d+/, '');
}

/** The signer as the panel names people ("Singh, Priya"). */
export function signerName(record: AdjudicationOnRecord): string {
  return displayedPersonName(record.adjudicator) ?? record.login;
}

/** The decision in words: the accepted annotator, or the method's name as the report codes it. */
export function outcomeText(decision: DecisionOnRecord): string {
  return decision.outcome === 'accepted' ? `Accepted ${decision.accepted ?? ''}`.trim() : QC_DECISIONS[decision.outcome].meaning;
}

/**
 * The signed adjudication as the PACS holds it, read-only: who signed and when, and per structure
 * the reference chosen and the coded reasons (with the words of "other").
 */
export function AdjudicationRecordView({ record }: { record: AdjudicationOnRecord }) {
  return (
    <div className="segqc-adjudication-record" data-testid="segqc-adjudication-record" data-report={record.reportSopInstanceUid} data-instance={record.instanceNumber}>
      <p className="segqc-sop-current" data-testid="segqc-adjudication-signer" data-login={record.login} data-signed-at={record.signedAt}>
        Adjudicated by <strong>{signerName(record)}</strong> ({record.login}) <RecordedIdentity authentication={record.authentication} /> on{' '}
        <span data-testid="segqc-adjudication-signed-at">{signedAtText(record.signedAt)}</span>
        {record.instanceNumber > 1 ? `, revision ${record.instanceNumber}` : ''}. As stored in the PACS.
      </p>
      <ul className="segqc-annotations">
        {record.decisions.map((decision) => (
          <li key={decision.structure} className="segqc-annotation" data-testid="segqc-adjudication-decision" data-structure={decision.structure} data-outcome={decision.outcome}>
            <div className="segqc-annotation-head">
              <span className="segqc-annotator">{decision.structure}</span>
              <span data-testid="segqc-adjudication-decision-outcome">{outcomeText(decision)}</span>
            </div>
            {decision.reasons.length > 0 && (
              <ul className="segqc-structures">
                {decision.reasons.map((reason) => (
                  <li key={reason.reason} data-testid="segqc-adjudication-decision-reason" data-reason={reason.reason}>
                    {QC_REASONS[reason.reason].meaning}
                    {reason.text !== undefined ? `: ${reason.text}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
