import { displayedPersonName } from '@segqc/core';
import type { StoredQcReport } from '../review/qcReportsOfStudy';
import type { AdjudicationOnRecord, DecisionOnRecord } from '../review/reviewSummary';

/**
 * The signed adjudication as a verified QC report in the PACS records it: who signed, when, and the
 * decision and reasons per structure. The panel shows this, not what it remembers of the signature:
 * what counts is what the PACS holds.
 */
export function adjudicationOnRecord({ sopInstanceUid, instanceNumber, report }: StoredQcReport): AdjudicationOnRecord {
  const verification = report.verification;
  if (!verification) throw new Error(`QC report ${sopInstanceUid} is not verified: it records no signed adjudication`);
  const decisions: DecisionOnRecord[] = report.structures.flatMap((structure) => {
    const { decision } = structure;
    if (!decision) return [];
    // Named as the annotation list and the reference picker name annotators ("Rivera, Ana").
    const acceptedName = decision.acceptedAnnotation && displayedPersonName(structure.annotations.find((member) => member.annotation === decision.acceptedAnnotation)?.annotatorName ?? null);
    return [{
      structure: structure.label,
      outcome: decision.outcome,
      ...(decision.acceptedAnnotation ? { accepted: acceptedName || decision.acceptedAnnotation } : {}),
      reasons: (decision.reasons ?? []).map((reason) => (reason.text === undefined ? { reason: reason.reason } : { reason: reason.reason, text: reason.text })),
    }];
  });
  return {
    reportSopInstanceUid: sopInstanceUid,
    instanceNumber,
    adjudicator: verification.name,
    login: verification.login,
    ...(verification.authentication ? { authentication: verification.authentication } : {}),
    signedAt: verification.dateTime,
    decisions,
  };
}
