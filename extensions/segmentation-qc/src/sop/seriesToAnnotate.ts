import { selectSop, type Sop, type SopSeriesAttributes } from '@segqc/core';

/** An image series of the study as the choice sees it: what selectSop reads, and its SeriesNumber to order by. */
export interface SeriesCandidate<T> {
  series: T;
  seriesNumber: number | null;
  attributes: SopSeriesAttributes;
}

/**
 * The series an annotator should segment on, with the SOP in force there: the series on screen when
 * a SOP of the library applies to it; else the first series (by SeriesNumber, unnumbered last) a SOP
 * applies to — an MR study opened on T1 goes to FLAIR when the library's SOP is for FLAIR (issue 16);
 * null when no SOP applies to any series.
 */
export function seriesToAnnotate<T>(library: readonly Sop[], candidates: readonly SeriesCandidate<T>[], onScreen: SeriesCandidate<T> | null): { series: T; sop: Sop } | null {
  const sopOf = (candidate: SeriesCandidate<T>) => selectSop(library, candidate.attributes).sop;
  const shownSop = onScreen && sopOf(onScreen);
  if (onScreen && shownSop) return { series: onScreen.series, sop: shownSop };
  const ordered = [...candidates].sort((a, b) => (a.seriesNumber ?? Infinity) - (b.seriesNumber ?? Infinity));
  for (const candidate of ordered) {
    const sop = sopOf(candidate);
    if (sop) return { series: candidate.series, sop };
  }
  return null;
}
