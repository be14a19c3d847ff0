/**
 * The SOP in force in the viewer (issue 5: "chosen automatically from the series … and can be
 * changed by hand"): the library is loaded once per page (sopLibraryOnce); the SOP follows the
 * active viewport's source series through selectSop until the user picks one by hand. A hand
 * choice holds for the study it was made in (kept for the page, across panel tab switches) and
 * does not apply to any other study.
 */
import { useCallback, useEffect, useState } from 'react';
import { createPageStore, usePageStore } from '../pageStore';
import type { Sop } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { CornerstoneViewportService, DisplaySetService, Subscription, ViewportGridService } from '../services';
import { activeSourceDisplaySet } from './activeSourceDisplaySet';
import { chooseSop, type SopChosenBy } from './chooseSop';
import { SOP_LIBRARY_URL, type SopLibrary, type SopLibraryFailure } from './fetchSopLibrary';
import { seriesSopAttributes } from './seriesSopAttributes';
import { sopLibraryOnce } from './sopLibraryOnce';

export interface SopInForceServices {
  displaySetService: DisplaySetService;
  viewportGridService: ViewportGridService;
  cornerstoneViewportService: CornerstoneViewportService;
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
  /** Why no SOP can be chosen at all: the listing or the schema could not be read. */
  libraryError: string | null;
  library: readonly Sop[];
  /** Files of the library that were refused, each with the failing fields. */
  failures: readonly SopLibraryFailure[];
  sop: Sop | null;
  chosenBy: SopChosenBy;
  reason: string;
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

export function useSopInForce(services: SopInForceServices, libraryUrl: string = SOP_LIBRARY_URL): SopInForceState {
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

  const displaySet = activeSourceDisplaySet(services);
  const studyInstanceUID = displaySet?.StudyInstanceUID ?? null;
  const library = loaded.library?.sops ?? [];
  const handKey = hand && hand.studyInstanceUID === studyInstanceUID ? hand.key : null;
  const choice = chooseSop(library, displaySet ? seriesSopAttributes(displaySet) : null, handKey);

  const chooseByHand = useCallback(
    (key: string) => {
      if (studyInstanceUID !== null) handChoice.set({ hand: { studyInstanceUID, key } });
    },
    [studyInstanceUID],
  );
  const chooseAutomatically = useCallback(() => handChoice.set({ hand: null }), []);

  return {
    loading: loaded.library === null && loaded.error === null,
    libraryError: loaded.error,
    library,
    failures: loaded.library?.failures ?? [],
    sop: choice.sop,
    chosenBy: choice.chosenBy,
    reason: choice.reason,
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
