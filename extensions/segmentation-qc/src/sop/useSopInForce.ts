/**
 * The SOP in force in the viewer (issue 5: "chosen automatically from the series … and can be
 * changed by hand"): the library is loaded once per page (sopLibraryOnce). With annotations under
 * review (the reviewer's panel), the SOP is the one they name, else the one that applies to the
 * series they were drawn on — `segqc qc`'s rule (chooseSop), whatever series is on screen. Without
 * (the annotate mode), the SOP follows the active viewport's source series through selectSop. Either
 * holds until the user picks one by hand. A hand choice holds for the study it was made in (kept
 * for the page, across panel tab switches) and does not apply to any other study.
 */
import { useCallback, useEffect, useState } from 'react';
import { createPageStore, usePageStore } from '../pageStore';
import type { ParsedSopReference, Sop } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { CornerstoneViewportService, DisplaySetService, Subscription, ViewportGridService } from '../services';
import { activeSourceDisplaySet, imageDisplaySetOfSeries } from './activeSourceDisplaySet';
import { chooseSop, type SopChosenBy } from './chooseSop';
import { SOP_LIBRARY_URL, type SopLibrary, type SopLibraryFailure } from './fetchSopLibrary';
import { seriesSopAttributes } from './seriesSopAttributes';
import { sopLibraryOnce } from './sopLibraryOnce';

export interface SopInForceServices {
  displaySetService: DisplaySetService;
  viewportGridService: ViewportGridService;
  cornerstoneViewportService: CornerstoneViewportService;
}

/**
 * The annotations a reviewer compares, as reviewCandidates gives them: the series they were drawn
 * on, their ids, and each one's summary with the SOP its ProtocolName names.
 */
export interface AnnotationsUnderReview {
  sourceSeriesInstanceUid: string;
  annotations: ReadonlyArray<{ id: string }>;
  summaries: ReadonlyMap<string, { sop: ParsedSopReference | null }>;
}

/** The series the SOP was chosen for. */
export interface SopSourceSeries {
  displaySetInstanceUID: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SeriesDescription: string;
  Modality: string;
}

export interface SopInForceState {
  /** The library is still being fetched. */
  loading: boolean;
  /**
   * The choice will not change by itself any more: the library is read (or failed) and, for annotations
   * under review, the series they were drawn on is loaded. Until then `sop` may be null for want of either.
   */
  settled: boolean;
  /** Why no SOP can be chosen at all: the listing or the schema could not be read. */
  libraryError: string | null;
  library: readonly Sop[];
  /** Files of the library that were refused, each with the failing fields. */
  failures: readonly SopLibraryFailure[];
  sop: Sop | null;
  chosenBy: SopChosenBy;
  reason: string;
  /** The annotations name a SOP that cannot be used (not in the library, another text, several SOPs): no SOP judges. */
  annotationsError: string | null;
  /**
   * The automatic choice's series header and description name different sequences (the header
   * decided), in words — e.g. `header says FLAIR (inversion recovery with TI 2500 ms), description
   * "t2_tirm_tra" says STIR — chose FLAIR by the header`; null when they agree or the choice is by hand.
   */
  disagreement: string | null;
  series: SopSourceSeries | null;
  /** Put the SOP with this sopKey in force for the current study. */
  chooseByHand(key: string): void;
  /** Back to the automatic choice. */
  chooseAutomatically(): void;
}

/**
 * OHIF's ViewportGridService publishes these; services.ts narrows it to the calls SegQC makes, so
 * the events are read where present (the panel re-reads the active viewport on each).
 */
interface ViewportGridEvents {
  EVENTS?: { ACTIVE_VIEWPORT_ID_CHANGED?: string; GRID_STATE_CHANGED?: string };
  subscribe?(event: string, callback: (payload: unknown) => void): Subscription;
}

type LibraryState = { library: SopLibrary | null; error: string | null };

/** The hand choice, kept for the page: OHIF unmounts a panel when another tab is shown. */
const handChoice = createPageStore<{ hand: { studyInstanceUID: string; key: string } | null }>({ hand: null });

/**
 * @param underReview the annotations the reviewer compares (reviewCandidates), or null when there
 *   are none (the annotate mode, or a study not double-read): the SOP then follows the active viewport.
 */
export function useSopInForce(services: SopInForceServices, underReview: AnnotationsUnderReview | null = null, libraryUrl: string = SOP_LIBRARY_URL): SopInForceState {
  const [loaded, setLoaded] = useState<LibraryState>({ library: null, error: null });
  const [revision, setRevision] = useState(0);
  const { hand } = usePageStore(handChoice);

  useEffect(() => {
    let live = true;
    sopLibraryOnce(libraryUrl).then(
      (library) => live && setLoaded({ library, error: null }),
      (error: unknown) => live && setLoaded({ library: null, error: describeFailure(error) }),
    );
    return () => {
      live = false;
    };
  }, [libraryUrl]);

  useEffect(() => {
    const refresh = () => setRevision((r) => r + 1);
    const { displaySetService, cornerstoneViewportService } = services;
    const grid = services.viewportGridService as ViewportGridService & ViewportGridEvents;
    const gridEvents = [grid.EVENTS?.ACTIVE_VIEWPORT_ID_CHANGED, grid.EVENTS?.GRID_STATE_CHANGED].filter((event): event is string => !!event);
    const subscriptions: Subscription[] = [
      ...Object.values(displaySetService.EVENTS).map((event) => displaySetService.subscribe(event, refresh)),
      cornerstoneViewportService.subscribe(cornerstoneViewportService.EVENTS.VIEWPORT_DATA_CHANGED, refresh),
      ...(grid.subscribe ? gridEvents.map((event) => grid.subscribe!(event, refresh)) : []),
    ];
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  }, [services]);
  void revision; // re-render on events: the active series is read from the services each time

  const activeDisplaySet = activeSourceDisplaySet(services);
  const annotatedDisplaySet = underReview ? imageDisplaySetOfSeries(services.displaySetService, underReview.sourceSeriesInstanceUid) : null;
  const displaySet = annotatedDisplaySet ?? activeDisplaySet;
  const studyInstanceUID = displaySet?.StudyInstanceUID ?? null;
  const library = loaded.library?.sops ?? [];
  const handKey = hand && hand.studyInstanceUID === studyInstanceUID ? hand.key : null;
  const basisDisplaySet = underReview ? annotatedDisplaySet : activeDisplaySet;
  const choice = chooseSop(
    library,
    {
      annotations: underReview ? underReview.annotations.map(({ id }) => ({ id, sop: underReview.summaries.get(id)?.sop ?? null })) : null,
      series: basisDisplaySet ? seriesSopAttributes(basisDisplaySet) : null,
    },
    handKey,
  );

  const chooseByHand = useCallback(
    (key: string) => {
      if (studyInstanceUID !== null) handChoice.set({ hand: { studyInstanceUID, key } });
    },
    [studyInstanceUID],
  );
  const chooseAutomatically = useCallback(() => handChoice.set({ hand: null }), []);

  const loading = loaded.library === null && loaded.error === null;
  return {
    loading,
    settled: !loading && (underReview === null || annotatedDisplaySet !== null),
    libraryError: loaded.error,
    library,
    failures: loaded.library?.failures ?? [],
    sop: choice.sop,
    chosenBy: choice.chosenBy,
    reason: choice.reason,
    // Only once the library is read: before, every named SOP is "not in the library".
    annotationsError: loaded.library ? choice.error : null,
    disagreement: choice.disagreement ?? null,
    series: displaySet
      ? {
          displaySetInstanceUID: displaySet.displaySetInstanceUID,
          StudyInstanceUID: displaySet.StudyInstanceUID,
          SeriesInstanceUID: displaySet.SeriesInstanceUID,
          SeriesDescription: displaySet.SeriesDescription ?? '',
          Modality: displaySet.Modality,
        }
      : null,
    chooseByHand,
    chooseAutomatically,
  };
}
