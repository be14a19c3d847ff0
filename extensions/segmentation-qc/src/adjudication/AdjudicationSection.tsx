import { useEffect, useRef } from 'react';
import { QC_REASONS, type QcReasonKey } from '@segqc/core';
import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { Identity } from '../identity/Identity';
import { SignatureManifestation } from './SignatureManifestation';
import type { CaseReviewSummary } from '../review/reviewSummary';
import { SopChecklist } from '../sop/SopChecklist';
import type { Checklist } from '../sop/useChecklist';
import { AdjudicationRecordView, signedAtText, signerName } from './AdjudicationRecordView';
import { AdjudicationSignResult } from './AdjudicationSignResult';
import type { ReadBack, ReferenceEdit, SignState } from './adjudicationStore';
import { missingForSignature, type DecisionDraft } from './decisionDraft';
import { EDIT_PREFIX, editColor, methodOptions } from './methodOptions';
import type { EditRequest } from './adjudicationActions';

const REASON_KEYS = Object.keys(QC_REASONS) as QcReasonKey[];

/** Where the edit of one structure stands: being prepared, open for the brush, or failed. */
function EditStatus({ edit, label }: { edit: ReferenceEdit; label: string }) {
  if (edit.status === 'starting') {
    return (
      <p className="segqc-sop-current" role="status" data-testid="segqc-adjudication-edit" data-status="starting">
        Preparing the starting mask of {label}…
      </p>
    );
  }
  if (edit.status === 'failed') {
    return (
      <div className="segqc-error" role="alert" data-testid="segqc-adjudication-edit" data-status="failed">
        The edit of {label} could not start: {edit.error}
      </div>
    );
  }
  return (
    <p className="segqc-sop-current" data-testid="segqc-adjudication-edit" data-status="editing" data-segmentation-id={edit.labelmap.segmentationId}>
      {label} is open for editing in the viewer (segmentation “Reference edit: {label}”). Paint and erase with the Brush and Eraser of
      OHIF&apos;s Segmentation panel, then come back here to sign: the signature takes the mask as it is then. Choosing another reference
      discards the edit.
    </p>
  );
}

function StructureDecisionRow({
  draft, edit, review, names, onChange, onEdit,
}: {
  draft: DecisionDraft;
  edit: ReferenceEdit | undefined;
  review: CaseReviewSummary;
  names: ReadonlyMap<string, AnnotationSummary>;
  onChange: (change: Partial<DecisionDraft>) => void;
  onEdit: (from: string) => void;
}) {
  const toggleReason = (reason: QcReasonKey, on: boolean) => onChange({ reasons: on ? [...draft.reasons, reason] : draft.reasons.filter((r) => r !== reason) });
  const choose = (value: string) => (value.startsWith(EDIT_PREFIX) ? onEdit(value.slice(EDIT_PREFIX.length)) : onChange({ method: value }));
  const options = methodOptions(review, draft.structureKey, names, draft.method === 'edited' && edit ? edit.from : null);
  return (
    <li className="segqc-annotation" data-testid="segqc-adjudication-structure" data-structure={draft.label} data-escalated={draft.escalated} data-method={draft.method}>
      <div className="segqc-annotation-head">
        <span className="segqc-annotator">{draft.label}</span>
        <span className={draft.escalated ? 'segqc-verdict-escalate' : 'segqc-verdict-pass'}>{draft.escalated ? 'Escalated' : 'Agreed'}</span>
      </div>
      <div className="segqc-form-row">
        <select
          aria-label={`Reference for ${draft.label}`}
          data-testid="segqc-adjudication-method"
          value={draft.method}
          disabled={edit?.status === 'starting'}
          onChange={(event) => choose(event.target.value)}
        >
          <option value="">Choose the reference…</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {edit && <EditStatus edit={edit} label={draft.label} />}
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

/**
 * Per structure the reference (an annotator's, majority vote, STAPLE, or one of them edited in the
 * viewer) and the coded reason, the adjudicator's SOP items and identity, and the signature. A case
 * the PACS holds a signed adjudication of shows it read-only, with Sign off until "Revise".
 */
export function AdjudicationSection({
  review, names, drafts, edits, onChange, onEdit, checklist, identity, sign, onSign, readBack, revising, onRevise, onCancelRevision, restoredDraftSavedAt, signRefused = null,
}: {
  review: CaseReviewSummary;
  names: ReadonlyMap<string, AnnotationSummary>;
  drafts: DecisionDraft[];
  /** Open edits by structure key. */
  edits: Record<string, ReferenceEdit>;
  onChange: (structureKey: string, change: Partial<DecisionDraft>) => void;
  onEdit: (request: EditRequest) => void;
  checklist: Checklist;
  identity: Identity | null;
  sign: SignState;
  onSign: () => void;
  /** The signature of this sitting as read back from the PACS. */
  readBack: ReadBack;
  /** The adjudicator chose to revise the adjudication on record. */
  revising: boolean;
  onRevise: () => void;
  onCancelRevision: () => void;
  /** When the decisions restored from this browser were saved, or null. */
  restoredDraftSavedAt: string | null;
  /** Why the signed-in user's role may not sign (the gateway's role policy), or null. */
  signRefused?: string | null;
}) {
  const signed = sign.status === 'signed' ? sign : null;
  const readBackRecord = readBack.status === 'read' ? readBack.record : null;
  // What the PACS holds: the signature of this sitting once read back, else the adjudication the review found.
  const record = readBackRecord ?? review.adjudication;
  const awaitingPacs = signed !== null && readBackRecord?.reportSopInstanceUid !== signed.written.reportSopInstanceUid;
  const editable = !awaitingPacs && (record === null || revising);
  // On record, only the role can stand in the way (of a revision): it is said, and Revise is not offered.
  const missing = editable
    ? [
        ...missingForSignature(drafts),
        ...checklist.missingRequired.map((item) => `SOP item: ${item.text}`),
        ...(identity ? [] : ['your name and login (at the top of the panel)']),
        ...(signRefused ? [signRefused] : []),
      ]
    : signRefused ? [signRefused] : [];
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sign.status === 'signed' || sign.status === 'failed') result.current?.scrollIntoView({ block: 'nearest' });
  }, [sign.status, readBack.status]);

  return (
    <section className="segqc-section" data-testid="segqc-adjudication" data-mode={editable ? (record ? 'revising' : 'deciding') : awaitingPacs ? 'storing' : 'on-record'}>
      <h3 className="segqc-subtitle">Adjudication</h3>
      {record && !awaitingPacs && <AdjudicationRecordView record={record} />}
      {revising && record && (
        <p className="segqc-warning" data-testid="segqc-adjudication-revising">
          Revising the adjudication signed by {signerName(record)} on {signedAtText(record.signedAt)}: your signature stores a new revision that names it as its predecessor.
        </p>
      )}
      {editable && restoredDraftSavedAt && (
        <p className="segqc-muted" data-testid="segqc-adjudication-draft-restored">
          Your unsigned decisions of {new Date(restoredDraftSavedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} are back: this browser keeps them until you sign.
        </p>
      )}
      {(editable || awaitingPacs) && (
        <fieldset className="segqc-adjudication-decisions" disabled={awaitingPacs}>
          <ul className="segqc-annotations">
            {drafts.map((draft) => (
              <StructureDecisionRow
                key={draft.structureKey}
                draft={draft}
                edit={edits[draft.structureKey]}
                review={review}
                names={names}
                onChange={(change) => onChange(draft.structureKey, change)}
                onEdit={(from) => onEdit({ structureKey: draft.structureKey, from, color: editColor(review, draft.structureKey, names, from) })}
              />
            ))}
          </ul>
        </fieldset>
      )}
      {editable && <SopChecklist checklist={checklist} />}
      {missing.length > 0 && (
        <ul className="segqc-checklist-missing" data-testid="segqc-adjudication-missing">
          {missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {editable && <SignatureManifestation identity={identity} now={new Date()} />}
      <div className="segqc-form-row segqc-sign-row">
        <button type="button" data-testid="segqc-adjudication-sign" disabled={!editable || missing.length > 0 || sign.status === 'signing'} onClick={onSign}>
          {sign.status === 'signing' ? 'Signing…' : 'Sign and store'}
        </button>
        {record && !editable && !awaitingPacs && !signRefused && (
          <button type="button" className="segqc-toggle" data-testid="segqc-adjudication-revise" onClick={onRevise}>
            Revise
          </button>
        )}
        {revising && (
          <button type="button" className="segqc-toggle" data-testid="segqc-adjudication-cancel-revision" onClick={onCancelRevision}>
            Keep the signed adjudication
          </button>
        )}
      </div>
      <div ref={result}>
        <AdjudicationSignResult sign={sign} readBack={readBack} identity={identity} />
      </div>
    </section>
  );
}
