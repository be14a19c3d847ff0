import type { QcDecisionInit } from '../sr/QcDecision';
import type { StructureDecisionInit } from './Adjudication';

/**
 * The report's decision: what the adjudicator chose for an escalated structure; "agreed" for one
 * the review passed, unless the adjudicator edited it (the reference is then no one's annotation).
 */
export function qcDecisionOf(decision: StructureDecisionInit): QcDecisionInit {
  const reasons = decision.reasons.length > 0 ? { reasons: decision.reasons.map((reason) => ({ ...reason })) } : {};
  const { method } = decision;
  if (!decision.escalated && method.kind !== 'edited') return { outcome: 'agreed', ...reasons };
  switch (method.kind) {
    case 'accept':
      return { outcome: 'accepted', acceptedAnnotation: method.annotation, ...reasons };
    case 'majority':
      return { outcome: 'majority', ...reasons };
    case 'staple':
      return { outcome: 'staple', ...reasons };
    case 'edited':
      return { outcome: 'edited', ...reasons };
  }
}
