import { terminalLines } from '../terminalLines';
import type { AdjudicateCaseResult } from './AdjudicateCaseResult';

/**
 * The line of one case: `<study> adjudicated (<sop>): <structure> <how>, …; reference SEG <uid>
 * [signed <signature uid>], QC report <uid> [signed <signature uid>] revising <uid>`, or `<study> skipped: <why>`, or `<study> failed: <why>`;
 * cleaned of control characters (labels and names come from the PACS).
 */
export function caseLine(result: AdjudicateCaseResult): string {
  if (result.status !== 'adjudicated') return terminalLines(`${result.studyInstanceUid} ${result.status}: ${result.reason ?? ''}`);
  const how = result.structures.map((s) => {
    const method = s.accepted ? `accepted ${s.accepted.id} (${s.accepted.letter})` : s.method;
    return `${s.reviewLabel} ${method}${s.escalated ? '' : ' (agreed)'}`;
  });
  const signed = result.signature ? ` signed ${result.signature.uid}` : '';
  const segSigned = result.referenceSegSignature ? ` signed ${result.referenceSegSignature.uid}` : '';
  const revises = result.revises ? ` revising ${result.revises}` : '';
  return terminalLines(`${result.studyInstanceUid} adjudicated${result.sop ? ` (${result.sop})` : ''}: ${how.join(', ')}; reference SEG ${result.referenceSeg}${segSigned}, QC report ${result.report}${signed}${revises}`);
}
