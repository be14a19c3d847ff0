import type { QcReasonKey } from '@segqc/core';
import type { CaseReviewSummary } from '../review/reviewSummary';
import type { ReferenceChoice, StructureDecision } from '../review/workerProtocol';

/** The adjudicator's choice for one structure while they make it. */
export interface DecisionDraft {
  structureKey: string;
  label: string;
  escalated: boolean;
  /** '' until chosen; `accept:<annotation id>`, `majority`, `staple`, `edited`. */
  method: string;
  reasons: QcReasonKey[];
  otherText: string;
}

/** A reference a method makes from the annotations, without the adjudicator's hand: what an edit starts from. */
export type StartingChoice = Exclude<ReferenceChoice, { kind: 'edited' }>;

/** Escalated structures start undecided; agreed ones start at STAPLE, the consensus of agreeing annotators. */
export function initialDrafts(review: CaseReviewSummary): DecisionDraft[] {
  return review.structures.map((structure) => ({
    structureKey: structure.key,
    label: structure.label,
    escalated: structure.verdict === 'escalate',
    method: structure.verdict === 'escalate' ? '' : 'staple',
    reasons: [],
    otherText: '',
  }));
}

/** What still stops the signature, in words; empty when the drafts can be signed. */
export function missingForSignature(drafts: readonly DecisionDraft[]): string[] {
  const missing: string[] = [];
  for (const draft of drafts) {
    if (draft.method === '') missing.push(`${draft.label}: choose the reference`);
    if (draft.escalated && draft.reasons.length === 0) missing.push(`${draft.label}: give a reason`);
    if (draft.reasons.includes('other') && draft.otherText.trim() === '') missing.push(`${draft.label}: describe the other reason`);
  }
  return missing;
}

/** A draft's method other than 'edited' (`accept:<id>`, `majority`, `staple`) as the worker's choice; null for anything else. */
export function startingChoiceOf(method: string): StartingChoice | null {
  if (method.startsWith('accept:')) return { kind: 'accept', annotationId: method.slice('accept:'.length) };
  if (method === 'majority' || method === 'staple') return { kind: method };
  return null;
}

/** The drafts as the worker's decisions; an edited structure takes its mask from `edited`. */
export function decisionsOf(drafts: readonly DecisionDraft[], edited: ReadonlyMap<string, Uint32Array>): StructureDecision[] {
  return drafts.map((draft) => {
    let method: ReferenceChoice | null;
    if (draft.method === 'edited') {
      const words = edited.get(draft.structureKey);
      if (!words) throw new Error(`${draft.label}: the edited reference is not in the viewer any more; start the edit again`);
      method = { kind: 'edited', words };
    } else method = startingChoiceOf(draft.method);
    if (!method) throw new Error(`${draft.label}: choose the reference`);
    return {
      structureKey: draft.structureKey,
      method,
      reasons: draft.reasons.map((reason) => (reason === 'other' ? { reason, text: draft.otherText.trim() } : { reason })),
      escalated: draft.escalated,
    };
  });
}
