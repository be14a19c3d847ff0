/**
 * The SOP in force for a series: the one picked by hand when there is one, else core's automatic
 * choice (selectSop) with its reason. A hand choice names a SOP by sopKey, so a library in which
 * that exact text is gone falls back to the automatic choice.
 */
import { selectSop, type Sop, type SopSeriesAttributes } from '@segqc/core';

export type SopChosenBy = 'automatic' | 'hand';

export interface SopChoice {
  sop: Sop | null;
  chosenBy: SopChosenBy;
  /** For an automatic choice, why this SOP or why none (selectSop's reason); for a hand choice, what was picked. */
  reason: string;
}

/** The reason when there is no series to choose for. */
export const NO_SOURCE_SERIES = 'no image series is shown in the active viewport';

/** A SOP's unique name in the library and in the picker: `id@version+shortHash`, as a SEG's ProtocolName records it. */
export function sopKey(sop: Sop): string {
  return sop.reference.toProtocolName();
}

export function chooseSop(library: readonly Sop[], series: SopSeriesAttributes | null, handChoice: string | null): SopChoice {
  const picked = handChoice === null ? undefined : library.find((sop) => sopKey(sop) === handChoice);
  if (picked) return { sop: picked, chosenBy: 'hand', reason: `${picked.id}@${picked.version} picked by hand` };
  if (!series) return { sop: null, chosenBy: 'automatic', reason: NO_SOURCE_SERIES };
  const { sop, reason } = selectSop(library, series);
  return { sop, chosenBy: 'automatic', reason };
}
