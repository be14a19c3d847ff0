import { useEffect } from 'react';
import type { Sop } from '@segqc/core';
import { createPageStore } from '../pageStore';
import type { DisplaySet, SegqcServices } from '../services';
import { activeSourceDisplaySet, isImageDisplaySet } from '../sop/activeSourceDisplaySet';
import { seriesSopAttributes } from '../sop/seriesSopAttributes';
import { seriesToAnnotate, type SeriesCandidate } from '../sop/seriesToAnnotate';

/** The study the annotator was put on its SOP's series for: once per study, then their own choice of series stands. */
const openedFor = createPageStore<{ studyInstanceUid: string | null }>({ studyInstanceUid: null });

const candidateOf = (displaySet: DisplaySet): SeriesCandidate<DisplaySet> => {
  const number = Number(displaySet.SeriesNumber);
  return { series: displaySet, seriesNumber: displaySet.SeriesNumber !== undefined && Number.isFinite(number) ? number : null, attributes: seriesSopAttributes(displaySet) };
};

/**
 * Puts the series the SOP is for in the active viewport when the mode opens (seriesToAnnotate):
 * OHIF's hanging protocol shows the first series, T1 on an MR study, while the SOP is for FLAIR.
 * Acts once OHIF has shown a series (so the protocol does not undo it), never during a segmentation,
 * and counts the study done only once the viewport shows the series (display sets arrive series by
 * series; the re-render on each event tries again).
 *
 * @param onScreen the active viewport's display set uid and the number of display sets: the effect's triggers.
 */
export function useOpenSeriesToAnnotate(services: SegqcServices, library: readonly Sop[], segmenting: boolean, onScreen: string | null, displaySetCount: number): void {
  useEffect(() => {
    if (segmenting || library.length === 0) return;
    const active = activeSourceDisplaySet(services);
    if (!active || openedFor.get().studyInstanceUid === active.StudyInstanceUID) return;
    const study = services.displaySetService.getActiveDisplaySets().filter((displaySet) => isImageDisplaySet(displaySet) && displaySet.StudyInstanceUID === active.StudyInstanceUID);
    const chosen = seriesToAnnotate(library, study.map(candidateOf), candidateOf(active));
    if (!chosen) return;
    if (chosen.series.displaySetInstanceUID === active.displaySetInstanceUID) {
      openedFor.set({ studyInstanceUid: active.StudyInstanceUID });
      return;
    }
    const viewportId = services.viewportGridService.getActiveViewportId();
    services.viewportGridService.setDisplaySetsForViewport({ viewportId, displaySetInstanceUIDs: [chosen.series.displaySetInstanceUID] });
  }, [services, library, segmenting, onScreen, displaySetCount]);
}
