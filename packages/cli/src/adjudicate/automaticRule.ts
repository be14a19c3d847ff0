import type { QcReasonInit, Sop, StructureDecisionInit } from '@segqc/core';
import type { CaseStructure } from './caseStructures';
import type { CaseToAdjudicate } from './caseToAdjudicate';

/**
 * Why a case may not be adjudicated automatically, or null when it may: every pair of every
 * structure passed the SOP in force (the `segqc qc` verdict pass; a structure without thresholds
 * is no agreement).
 */
export function notAgreed(reviewed: CaseToAdjudicate): string | null {
  const { review, sop } = reviewed;
  if (sop === null) return 'no SOP applies, so no thresholds judged the pairs';
  const failing = review.rows.filter((row) => row.verdict !== 'pass');
  if (failing.length === 0 && review.verdict === 'pass') return null;
  const escalated = failing.filter((row) => row.verdict === 'escalate').length;
  const unjudged = failing.length - escalated;
  return `not every pair passed ${sop.reference.id}@${sop.reference.version}: ${[escalated > 0 && `${escalated} escalated`, unjudged > 0 && `${unjudged} without thresholds`].filter(Boolean).join(', ')} of ${review.rows.length} pair × structure rows`;
}

/**
 * The reason an automatic reference records. QC_REASONS has no code for "the annotators agreed"
 * (its codes say what was wrong: under- or over-segmentation, a missed or false lesion, a boundary
 * disagreement, a wrong label, a SOP violation), so it is `other` with the rule in words.
 */
export function automaticReason(sop: Sop, method: 'majority' | 'staple'): QcReasonInit {
  return { reason: 'other', text: `automatic: every pair passed ${sop.reference.id}@${sop.reference.version}, ${method}` };
}

/** Every structure passed the review: each gets the consensus reference, as agreed, with the rule as its reason. */
export function automaticDecisions(structures: readonly CaseStructure[], sop: Sop, method: 'majority' | 'staple'): StructureDecisionInit[] {
  return structures.map(({ structure }) => ({ structureLabel: structure.label, method: { kind: method }, reasons: [automaticReason(sop, method)], escalated: false }));
}
