import type { SavedDecision } from './adjudicationDraftStorage';
import type { DecisionDraft } from './decisionDraft';

/**
 * The case's drafts with the saved decisions put back, structure by structure (same key and label).
 * An edited reference comes back undecided: its mask lived in the viewer of the page that was left.
 * A saved structure the case no longer has is dropped; one the save lacks keeps its initial draft.
 */
export function restoredDrafts(initial: readonly DecisionDraft[], saved: readonly SavedDecision[]): DecisionDraft[] {
  return initial.map((draft) => {
    const decision = saved.find((s) => s.structureKey === draft.structureKey && s.label === draft.label);
    if (!decision) return draft;
    return { ...draft, method: decision.method === 'edited' ? '' : decision.method, reasons: [...new Set(decision.reasons)], otherText: decision.otherText };
  });
}
