import { ANNOTATION_LETTERS, type QcReasonInit, type StructureDecisionInit } from '@segqc/core';
import type { AcceptChoice } from './adjudicateOptions';
import { AdjudicateCaseError } from './AdjudicateCaseError';
import type { CaseStructure } from './caseStructures';
import type { CaseToAdjudicate } from './caseToAdjudicate';

export interface ExplicitChoice {
  accept: AcceptChoice;
  /** The structures the choice is for, by the report's or the review's label; every structure when empty. */
  structures: readonly string[];
  reasons: readonly QcReasonInit[];
}

/**
 * The adjudicator's decisions as the viewer's Sign makes them (adjudication/decisionDraft.ts):
 * one per structure, escalated as the review escalated it. The chosen structures get the chosen
 * reference and the reasons; any other structure the review passed keeps the viewer's default,
 * STAPLE of the agreeing annotators, without reasons; an escalated structure left out cannot be
 * signed. `--accept LOGIN` names the annotator by the login of their SEG (or of the person a
 * reviewer attributed it to); the structure must be in that annotator's SEG.
 */
export function explicitDecisions(reviewed: CaseToAdjudicate, structures: readonly CaseStructure[], choice: ExplicitChoice): StructureDecisionInit[] {
  const chosen = chosenStructures(structures, choice.structures);
  const letter = choice.accept.kind === 'annotator' ? letterOfLogin(reviewed, choice.accept.login) : null;
  return structures.map(({ structure, reviewLabel, verdict }) => {
    const escalated = verdict === 'escalate';
    if (!chosen.has(structure.label)) {
      if (escalated) throw new AdjudicateCaseError(`"${reviewLabel}" was escalated and needs its reference too: add --structure "${reviewLabel}", or leave --structure out to decide every structure`);
      return { structureLabel: structure.label, method: { kind: 'staple' }, reasons: [], escalated };
    }
    if (letter !== null && !structure.segments.some((segment) => segment.annotation === letter)) {
      const id = reviewed.annotations[ANNOTATION_LETTERS.indexOf(letter)].ref.id;
      throw new AdjudicateCaseError(`${id} has no segment of "${reviewLabel}" to accept; choose its structures with --structure, or majority or staple`);
    }
    return {
      structureLabel: structure.label,
      method: letter !== null ? { kind: 'accept', annotation: letter } : { kind: choice.accept.kind as 'majority' | 'staple' },
      reasons: choice.reasons.map((reason) => ({ ...reason })),
      escalated,
    };
  });
}

/** The report labels of the structures chosen by `labels` (a report or review label, case-insensitive); all without labels. */
function chosenStructures(structures: readonly CaseStructure[], labels: readonly string[]): Set<string> {
  if (labels.length === 0) return new Set(structures.map(({ structure }) => structure.label));
  const chosen = new Set<string>();
  for (const label of labels) {
    const wanted = label.trim().toLowerCase();
    const found = structures.filter(({ structure, reviewLabel }) => structure.label.toLowerCase() === wanted || reviewLabel.toLowerCase() === wanted);
    if (found.length === 0) {
      const names = [...new Set(structures.map(({ reviewLabel }) => `"${reviewLabel}"`))].join(', ');
      throw new AdjudicateCaseError(`--structure "${label}" is no structure of this case (${names})`);
    }
    for (const { structure } of found) chosen.add(structure.label);
  }
  return chosen;
}

/** The letter of the one compared annotation by `login` (its SEG's creator, or the person a reviewer attributed it to). */
function letterOfLogin(reviewed: CaseToAdjudicate, login: string) {
  const matches = reviewed.annotations.flatMap(({ ref, seg }, n) => (ref.login === login || seg.attribution.reviewer?.login === login ? [n] : []));
  if (matches.length === 0) {
    const logins = reviewed.annotations.map(({ ref, seg }) => ref.login ?? seg.attribution.reviewer?.login ?? `${ref.id} (no login)`);
    throw new AdjudicateCaseError(`--accept ${login}: no compared annotation of this case is by ${login} (${logins.join(', ')})`);
  }
  if (matches.length > 1) throw new AdjudicateCaseError(`--accept ${login}: ${matches.length} annotations of this case are by ${login} (${matches.map((n) => reviewed.annotations[n].ref.id).join(', ')}); adjudicate it in the viewer`);
  return ANNOTATION_LETTERS[matches[0]];
}
