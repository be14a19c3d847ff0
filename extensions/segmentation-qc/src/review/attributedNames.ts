import { attributionByReviewer, type ReviewerChoices } from '@segqc/core';
import type { AnnotationSummary } from '../annotations/annotationSummary';

/** The panel's names with each unattributed SEG a reviewer attributed named as its person, "(attributed by reviewer)", as `segqc qc` names it. */
export function attributedNames(summaries: ReadonlyMap<string, AnnotationSummary>, choices: ReviewerChoices | null): ReadonlyMap<string, AnnotationSummary> {
  if (choices === null) return summaries;
  return new Map([...summaries].map(([id, summary]) => {
    const person = !summary.attributed && summary.sopInstanceUID !== null ? choices.attributions[summary.sopInstanceUID] : undefined;
    return [id, person ? { ...summary, annotator: attributionByReviewer(person).name, attributed: true } : summary];
  }));
}
