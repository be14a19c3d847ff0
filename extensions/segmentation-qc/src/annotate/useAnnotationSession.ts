import { useCallback, useEffect } from 'react';
import { readSegmentation, retrieveInstance, type DicomwebReadOptions, type Sop } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import {
  createLabelmapSegmentation, jumpToSlice, removeLabelmapSegmentation, sourceImagesOfDisplaySet, viewportShowingDisplaySet, writeLabelmap,
  type SourceSeries,
} from '../labelmap';
import type { SegqcServices } from '../services';
import { annotatorStore, type AnnotatorPageState } from './annotatorStore';
import { labelsFromSegmentation } from './labelsFromSegmentation';
import type { OwnAnnotation } from './ownAnnotationsOfStudy';
import { usePageStore, type PageStore } from '../pageStore';
import { sopLabelmapSegments } from './sopLabelmapSegments';

/** The labelmap an annotator is painting: on which series, under which SOP. */
export interface AnnotationSession {
  segmentationId: string;
  series: SourceSeries;
  /** The SOP whose structures are the segments: what Save records. */
  sop: Sop;
  viewportId: string;
  /** The earlier SEG it started from, when the annotator continued one. */
  continuedFrom: OwnAnnotation | null;
}

/** Where an earlier SEG is read from (the PACS the viewer shows). */
export interface EarlierSegSource {
  annotation: OwnAnnotation;
  dicomwebRoot: string;
  options: DicomwebReadOptions;
}

export interface AnnotationSessionState {
  session: AnnotationSession | null;
  busy: boolean;
  error: string | null;
  /** A new labelmap on the series with the SOP's structures; `from` fills it with an earlier SEG of the annotator's. */
  start(sop: Sop, displaySetInstanceUID: string, from?: EarlierSegSource): Promise<void>;
  /** Removes the labelmap from the viewer (what is not saved is lost). */
  discard(): void;
}

async function startSession(services: SegqcServices, sop: Sop, displaySetInstanceUID: string, from?: EarlierSegSource): Promise<AnnotationSession> {
  const displaySet = services.displaySetService.getDisplaySetByUID(displaySetInstanceUID);
  if (!displaySet) throw new Error('the series to segment is no longer in the viewer');
  const viewportId = await viewportShowingDisplaySet(services, displaySetInstanceUID);
  const series = sourceImagesOfDisplaySet(displaySet);
  const earlier = from
    ? labelsFromSegmentation(readSegmentation(await retrieveInstance(from.dicomwebRoot, {
        studyInstanceUid: from.annotation.studyInstanceUid,
        seriesInstanceUid: from.annotation.seriesInstanceUid,
        sopInstanceUid: from.annotation.sopInstanceUid,
      }, from.options), series.sourceImages), sop)
    : null;
  const segmentationId = await createLabelmapSegmentation(services, {
    sourceDisplaySetInstanceUID: displaySetInstanceUID,
    label: `Annotation under ${sop.id}@${sop.version}`,
    segments: sopLabelmapSegments(sop),
  });
  if (earlier) {
    try {
      writeLabelmap(segmentationId, earlier.labels, series.slices);
      if (earlier.firstPaintedSlice >= 0) await jumpToSlice(services, viewportId, series.slices[earlier.firstPaintedSlice]);
    } catch (error) {
      removeLabelmapSegmentation(services, segmentationId);
      throw error;
    }
    if (earlier.unmatched.length > 0) {
      services.uiNotificationService.show({
        title: 'SegQC: part of the earlier annotation was left out',
        message: `These segments match no structure of ${sop.id}@${sop.version}: ${earlier.unmatched.join(', ')}`,
        type: 'warning',
        duration: 8000,
      });
    }
  }
  return { segmentationId, series, sop, viewportId, continuedFrom: from?.annotation ?? null };
}

/**
 * The annotator's labelmap, created and discarded through OHIF's segmentation service and kept in
 * the page's annotatorStore: it outlives the panel (OHIF unmounts it when the side panel is closed
 * or the viewer is laid out anew), and is forgotten once its segmentation is gone from the viewer.
 */
export function useAnnotationSession(services: SegqcServices, store: PageStore<AnnotatorPageState> = annotatorStore): AnnotationSessionState {
  const { session, starting, startError } = usePageStore(store);

  // Deleted in OHIF's segmentation panel, or gone with the mode (perhaps while this panel was hidden).
  useEffect(() => {
    if (!session) return undefined;
    const { segmentationService } = services;
    const forget = () => store.set((current) => (current.session?.segmentationId === session.segmentationId ? { session: null } : {}));
    if (!segmentationService.getSegmentation(session.segmentationId)) forget();
    const subscription = segmentationService.subscribe(segmentationService.EVENTS.SEGMENTATION_REMOVED, (payload) => {
      if ((payload as { segmentationId?: string } | undefined)?.segmentationId === session.segmentationId) forget();
    });
    return () => subscription.unsubscribe();
  }, [services, session, store]);

  const start = useCallback(
    async (sop: Sop, displaySetInstanceUID: string, from?: EarlierSegSource) => {
      if (store.get().starting) return;
      store.set({ starting: true, startError: null });
      try {
        const started = await startSession(services, sop, displaySetInstanceUID, from);
        store.set({ session: started, starting: false, save: { status: 'idle' } });
      } catch (failure) {
        const message = describeFailure(failure);
        store.set({ starting: false, startError: message });
        services.uiNotificationService.show({ title: 'SegQC: cannot start the segmentation', message, type: 'error', duration: 8000 });
      }
    },
    [services, store],
  );

  const discard = useCallback(() => {
    const current = store.get().session;
    if (!current) return;
    store.set({ session: null });
    removeLabelmapSegmentation(services, current.segmentationId);
  }, [services, store]);

  return { session, busy: starting, error: startError, start, discard };
}
