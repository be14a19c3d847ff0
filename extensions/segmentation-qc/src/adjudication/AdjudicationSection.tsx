import { QC_REASONS, type QcReasonKey } from '@segqc/core';
import type { AnnotationSummary } from '../annotations/annotationSummary';
import { IdentityForm } from '../identity/IdentityForm';
import type { IdentityState } from '../identity/useIdentity';
import type { CaseReviewSummary } from '../review/reviewSummary';
import { SopChecklist } from '../sop/SopChecklist';
import type { Checklist } from '../sop/useChecklist';
import { missingForSignature, type DecisionDraft } from './decisionDraft';
import type { SignState } from './useAdjudication';

const REASON_KEYS = Object.keys(QC_REASONS) as QcReasonKey[];

function methodOptions(review: CaseReviewSummary, structureKey: string, names: Record<string, AnnotationSummary>) {
  const structure = review.structures.find((s) => s.key === structureKey)!;
  return [
    ...Object.keys(structure.segmentNumbers).map((id) => ({ value: `accept:${id}`, label: `Accept ${names[id]?.annotator ?? id}` })),
    { value: 'majority', label: 'Majority vote' },
    { value: 'staple', label: 'STAPLE' },
  ];
}

function StructureDecisionRow({ draft, review, names, onChange }: { draft: DecisionDraft; review: CaseReviewSummary; names: Record<string, AnnotationSummary>; onChange: (change: Partial<DecisionDraft>) => void }) {
  const toggleReason = (reason: QcReasonKey, on: boolean) => onChange({ reasons: on ? [...draft.reasons, reason] : draft.reasons.filter((r) => r !== reason) });
  return (
    <li className="segqc-annotation" data-testid="segqc-adjudication-structure" data-structure={draft.label} data-escalated={draft.escalated}>
      <div className="segqc-annotation-head">
        <span className="segqc-annotator">{draft.label}</span>
        <span className={draft.escalated ? 'segqc-verdict-escalate' : 'segqc-verdict-pass'}>{draft.escalated ? 'Escalated' : 'Agreed'}</span>
      </div>
      <div className="segqc-form-row">
        <select aria-label={`Reference for ${draft.label}`} data-testid="segqc-adjudication-method" value={draft.method} onChange={(event) => onChange({ method: event.target.value })}>
          <option value="">Choose the reference…</option>
          {methodOptions(review, draft.structureKey, names).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {draft.escalated && (
        <fieldset className="segqc-reasons">
          <legend>Reason (coded)</legend>
          {REASON_KEYS.map((reason) => (
            <label key={reason}>
              <input type="checkbox" data-testid="segqc-adjudication-reason" value={reason} checked={draft.reasons.includes(reason)} onChange={(event) => toggleReason(reason, event.target.checked)} />
              {QC_REASONS[reason].meaning}
            </label>
          ))}
          {draft.reasons.includes('other') && (
            <textarea aria-label="Other reason" data-testid="segqc-adjudication-other" value={draft.otherText} onChange={(event) => onChange({ otherText: event.target.value })} />
          )}
        </fieldset>
      )}
    </li>
  );
}

/** Per structure the reference and the coded reason, the adjudicator's SOP items and identity, and the signature. */
export function AdjudicationSection({
  review, names, drafts, onChange, checklist, identity, sign, onSign,
}: {
  review: CaseReviewSummary;
  names: Record<string, AnnotationSummary>;
  drafts: DecisionDraft[];
  onChange: (structureKey: string, change: Partial<DecisionDraft>) => void;
  checklist: Checklist;
  identity: IdentityState;
  sign: SignState;
  onSign: () => void;
}) {
  const missing = [
    ...missingForSignature(drafts),
    ...checklist.missingRequired.map((item) => `SOP item: ${item.text}`),
    ...(identity.identity ? [] : ['your name and login']),
  ];
  const record = review.adjudication;
  return (
    <section className="segqc-section" data-testid="segqc-adjudication">
      <h3 className="segqc-subtitle">Adjudication</h3>
      {record && (
        <p className="segqc-sop-current" data-testid="segqc-adjudication-record" data-report={record.reportSopInstanceUid} data-instance={record.instanceNumber}>
          Adjudicated by {record.adjudicator.replace(/\^/g, ' ')} ({record.login}) on {record.signedAt.slice(0, 4)}-{record.signedAt.slice(4, 6)}-{record.signedAt.slice(6, 8)}
          {record.instanceNumber > 1 ? `, revision ${record.instanceNumber}` : ''}. A new signature revises it.
        </p>
      )}
      <ul className="segqc-annotations">
        {drafts.map((draft) => (
          <StructureDecisionRow key={draft.structureKey} draft={draft} review={review} names={names} onChange={(change) => onChange(draft.structureKey, change)} />
        ))}
      </ul>
      <SopChecklist checklist={checklist} />
      <IdentityForm identity={identity.identity} error={identity.error} onDeclare={identity.declare} onForget={identity.forget} />
      {missing.length > 0 && (
        <ul className="segqc-checklist-missing" data-testid="segqc-adjudication-missing">
          {missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <div className="segqc-form-row">
        <button type="button" data-testid="segqc-adjudication-sign" disabled={missing.length > 0 || sign.status === 'signing'} onClick={onSign}>
          {sign.status === 'signing' ? 'Signing…' : 'Sign and store'}
        </button>
      </div>
      {sign.status === 'signed' && (
        <p className="segqc-checklist-complete" role="status" data-testid="segqc-adjudication-signed" data-report={sign.written.reportSopInstanceUid} data-reference={sign.written.referenceSegSopInstanceUid}>
          Signed. The reference SEG and the QC report are queued for the PACS{sign.written.revises ? ' (this revises the earlier adjudication)' : ''}.
        </p>
      )}
      {sign.status === 'failed' && (
        <div className="segqc-error" role="alert" data-testid="segqc-adjudication-error">
          Not signed: {sign.error}
        </div>
      )}
    </section>
  );
}
