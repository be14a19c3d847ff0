/**
 * The SOP in force for a case, by the rule `segqc qc` judges it by (packages/cli/src/qc/sopForCase.ts):
 * the SOP its annotations name in ProtocolName (sopNamedByAnnotations), else, when none names one,
 * the SOP that applies to its source series (selectSop). null when it has none: no SOP applies, or
 * the named SOP cannot be had (the annotations name different SOPs, or one the library does not hold
 * in the text they worked under) — never another SOP in its place. `segqc qc` fails such a case with
 * the reason; the programme's statistics still measure it, as without a SOP.
 */
import type { SopSeriesAttributes } from './classifyMrSequence';
import type { Sop } from './Sop';
import { selectSop } from './selectSop';
import { sopNamedByAnnotations, type AnnotationSopReference } from './sopNamedByAnnotations';

export function sopInForce(library: readonly Sop[], annotations: ReadonlyArray<AnnotationSopReference>, series: SopSeriesAttributes): Sop | null {
  const named = sopNamedByAnnotations(library, annotations);
  if (named.status === 'none-named') return selectSop(library, series).sop;
  return named.status === 'named' ? named.sop : null;
}
