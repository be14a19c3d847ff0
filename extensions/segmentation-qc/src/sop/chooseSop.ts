/**
 * The SOP in force: the one picked by hand when there is one; else, when there are annotations
 * under review, the rule `segqc qc` judges a case by (packages/cli/src/qc/sopForCase.ts, both on
 * core's sopNamedByAnnotations): the SOP their SEGs name in ProtocolName, its hash checked against
 * the library — a SOP the library does not hold, holds as another text, or annotations naming
 * different SOPs are an error, and then no SOP judges (never another in its place) — or, when
 * none names one, the SOP that applies to the series they were drawn on (selectSop). Without
 * annotations under review (the annotate mode), the SOP that applies to the active viewport's
 * series. A hand choice names a SOP by sopKey, so a library in which that exact text is gone
 * falls back to the automatic choice.
 */
import { selectSop, sopNamedByAnnotations, type AnnotationSopReference, type Sop, type SopSeriesAttributes } from '@segqc/core';

/**
 * How the SOP in force was chosen: named by the annotations under review; for the series they were
 * drawn on (none names one); for the active viewport's series (no annotations under review); by hand.
 */
export type SopChosenBy = 'annotations' | 'annotated-series' | 'active-series' | 'hand';

export interface SopChoice {
  sop: Sop | null;
  chosenBy: SopChosenBy;
  /** Why this SOP or why none; for a hand choice, what was picked. */
  reason: string;
  /** The annotations name a SOP that cannot be used (not in the library, another text, or several SOPs): no SOP judges. */
  error: string | null;
  /**
   * An automatic choice for an MR series whose header and description name different sequences
   * (core's classifyMrSequence; the header decided): in words, for the panel to show beside the picker.
   */
  disagreement?: string;
}

/** The reason when there is no series to choose for. */
export const NO_SOURCE_SERIES = 'no image series is shown in the active viewport';
/** The reason when the series the annotations were drawn on is not among the viewer's display sets. */
export const NO_ANNOTATED_SERIES = 'the series the annotations were drawn on is not loaded in the viewer';

/** A SOP's unique name in the library and in the picker: `id@version+shortHash`, as a SEG's ProtocolName records it. */
export function sopKey(sop: Sop): string {
  return sop.reference.toProtocolName();
}

/** The case the SOP is chosen for. */
export interface SopBasis {
  /** The annotations under review (their ids and the SOPs their ProtocolName names), or null when none are (the annotate mode). */
  annotations: ReadonlyArray<AnnotationSopReference> | null;
  /** With annotations: the series they were drawn on; without: the active viewport's series. Null when not shown / loaded. */
  series: SopSeriesAttributes | null;
}

export function chooseSop(library: readonly Sop[], basis: SopBasis, handChoice: string | null): SopChoice {
  const picked = handChoice === null ? undefined : library.find((sop) => sopKey(sop) === handChoice);
  if (picked) return { sop: picked, chosenBy: 'hand', reason: `${picked.id}@${picked.version} picked by hand`, error: null };

  const { annotations, series } = basis;
  if (annotations === null) {
    if (!series) return { sop: null, chosenBy: 'active-series', reason: NO_SOURCE_SERIES, error: null };
    const { sop, reason, disagreement } = selectSop(library, series);
    return { sop, chosenBy: 'active-series', reason, error: null, ...(disagreement === undefined ? {} : { disagreement }) };
  }

  const named = sopNamedByAnnotations(library, annotations);
  if (named.status === 'named') return { sop: named.sop, chosenBy: 'annotations', reason: `named by the annotations: ${named.written}`, error: null };
  if (named.status !== 'none-named') return { sop: null, chosenBy: 'annotations', reason: named.message, error: named.message };
  if (!series) return { sop: null, chosenBy: 'annotated-series', reason: `no annotation names a SOP; ${NO_ANNOTATED_SERIES}`, error: null };
  const { sop, reason, disagreement } = selectSop(library, series);
  return { sop, chosenBy: 'annotated-series', reason: `no annotation names a SOP; ${reason}`, error: null, ...(disagreement === undefined ? {} : { disagreement }) };
}
