import { ANNOTATION_LETTERS, AdjudicationInputError, qcDecisionOf, writeAdjudication, type StructureDecisionInit } from '@segqc/core';
import type { ReportSigner } from '@segqc/gateway';
import type { WriterIdentity } from '../auth/writerIdentity';
import { AdjudicateCaseError } from './AdjudicateCaseError';
import type { AdjudicateCaseResult } from './AdjudicateCaseResult';
import type { CaseStructure } from './caseStructures';
import type { CaseToAdjudicate } from './caseToAdjudicate';
import { signWithKey } from './signWithKey';

export interface SignContext {
  adjudicator: WriterIdentity;
  /** The adjudicator's checklist items of the SOP checked (--check). */
  checked: readonly string[];
  /** An item checked that is no adjudicator item of the case's SOP is refused (one case); otherwise it is for another SOP's cases (a batch). */
  strictChecklist: boolean;
  /** Signs the reference SEG and the VERIFIED report before anything of the case is stored (--signing-key); null: stored unsigned. */
  signer: ReportSigner | null;
  /** STOW-RS of one Part 10 file. */
  store: (bytes: Uint8Array) => Promise<unknown>;
  now: () => Date;
}

/**
 * Writes what the viewer's Sign writes (adjudicateInWorker.ts adjudicateReviewedCase, core
 * writeAdjudication): the ADJUDICATED reference SEG and the VERIFIED QC report by the adjudicator,
 * revising the study's latest QC report, and stores them by STOW-RS, the SEG first (the report
 * refers to it); with a signer, both are signed first, so that a signature that cannot be made
 * stores nothing. An adjudication the core refuses (a required checklist item not checked, …) is an
 * AdjudicateCaseError saying what to give.
 */
export async function signAdjudication(
  reviewed: CaseToAdjudicate, structures: readonly CaseStructure[], decisions: readonly StructureDecisionInit[], context: SignContext,
): Promise<AdjudicateCaseResult> {
  const now = context.now();
  let written;
  try {
    written = writeAdjudication({
      annotations: reviewed.annotations.map(({ judged }) => judged),
      sourceImages: reviewed.sourceImages,
      ...(reviewed.sop ? { sop: reviewed.sop } : {}),
      decisions,
      checklist: checklistOf(reviewed, context),
      adjudicator: context.adjudicator,
      now,
      ...(reviewed.latestReport ? { predecessor: reviewed.latestReport.bytes } : {}),
    });
  } catch (error) {
    if (error instanceof AdjudicationInputError) throw new AdjudicateCaseError(`${error.message}${hint(error, reviewed)}`);
    throw error;
  }
  const signedSeg = context.signer ? signWithKey(written.referenceSeg, 'adjudicated-seg', context.signer, now) : null;
  const signed = context.signer ? signWithKey(written.report, 'verified-qc-report', context.signer, now) : null;
  await context.store(signedSeg?.bytes ?? written.referenceSeg);
  await context.store(signed?.bytes ?? written.report);

  const idOf = (letter: string) => reviewed.annotations[ANNOTATION_LETTERS.indexOf(letter as (typeof ANNOTATION_LETTERS)[number])].ref.id;
  return {
    studyInstanceUid: reviewed.inventory.studyInstanceUid,
    status: 'adjudicated',
    reason: null,
    referenceSeg: written.referenceSegSopInstanceUid,
    report: written.reportSopInstanceUid,
    signature: signed?.signature ?? null,
    referenceSegSignature: signedSeg?.signature ?? null,
    revises: reviewed.latestReport?.sopInstanceUid ?? null,
    sop: reviewed.sop ? `${reviewed.sop.reference.id}@${reviewed.sop.reference.version}` : null,
    annotations: reviewed.annotations.map(({ ref }) => ref.id),
    structures: decisions.map((decision) => {
      const { structure, reviewLabel } = structures.find((s) => s.structure.label === decision.structureLabel)!;
      const { method } = decision;
      return {
        structure: structure.label,
        reviewLabel,
        escalated: decision.escalated,
        method: method.kind === 'edited' ? 'accept' : method.kind,
        accepted: method.kind === 'accept' ? { id: idOf(method.annotation), letter: method.annotation } : null,
        outcome: qcDecisionOf(decision).outcome,
        reasons: decision.reasons.map((reason) => (reason.text === undefined ? reason.reason : `${reason.reason}: ${reason.text}`)),
      };
    }),
  };
}

/** The SOP's adjudicator items, each checked or not; with `strictChecklist` the other items given too, for the core to refuse by name. */
function checklistOf(reviewed: CaseToAdjudicate, context: SignContext) {
  const items = reviewed.sop ? reviewed.sop.checklist.filter((item) => item.role === 'adjudicator').map((item) => item.id) : [];
  const others = context.strictChecklist ? context.checked.filter((id) => !items.includes(id)) : [];
  return [...items.map((itemId) => ({ itemId, checked: context.checked.includes(itemId) })), ...others.map((itemId) => ({ itemId, checked: true }))];
}

/** What to give on the command line for a refusal about the checklist. */
function hint(error: AdjudicationInputError, reviewed: CaseToAdjudicate): string {
  if (!error.attributePath.startsWith('checklist') || !reviewed.sop) return '';
  const required = reviewed.sop.checklist.filter((item) => item.role === 'adjudicator' && item.required).map((item) => item.id);
  return required.length > 0 ? ` (check the SOP's adjudicator items with --check ${required.join(' ')})` : '';
}
