import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from '../describeFailure';
import type { DisplaySet, SegqcServices } from '../services';
import { summarizeAnnotation, type AnnotationSummary } from './annotationSummary';
import { hideAnnotation, isAnnotationShown, showAnnotation } from './annotationVisibility';

/** One SEG series of the study as the panel lists it: readable (summary) or not (error). */
export interface StudyAnnotation {
  displaySetInstanceUID: string;
  seriesDescription: string;
  summary: AnnotationSummary | null;
  /** Why this SEG cannot be listed or shown; it stays in the list with this message. */
  error: string | null;
  shown: boolean;
  busy: boolean;
}

type Progress = Record<string, { busy?: boolean; error?: string }>;

function listAnnotations(services: SegqcServices, progress: Progress): StudyAnnotation[] {
  return services.displaySetService
    .getActiveDisplaySets()
    .filter((displaySet) => displaySet.Modality === 'SEG')
    .map((displaySet: DisplaySet) => {
      const uid = displaySet.displaySetInstanceUID;
      let summary: AnnotationSummary | null = null;
      let error = progress[uid]?.error ?? null;
      try {
        summary = summarizeAnnotation(displaySet);
      } catch (e) {
        error = describeFailure(e);
      }
      return {
        displaySetInstanceUID: uid,
        seriesDescription: displaySet.SeriesDescription ?? '',
        summary,
        error,
        shown: isAnnotationShown(services, uid),
        busy: progress[uid]?.busy ?? false,
      };
    })
    // In the order they were made, as `segqc qc` compares them (core byMadeAt): the pairs' A and B are the CLI's.
    .sort((a, b) => (a.summary?.madeAt ?? '').localeCompare(b.summary?.madeAt ?? '') || (a.summary?.sopInstanceUID ?? '').localeCompare(b.summary?.sopInstanceUID ?? '') || a.seriesDescription.localeCompare(b.seriesDescription));
}

/** The study's annotations, kept current with OHIF's display set and segmentation events. */
export function useStudyAnnotations(services: SegqcServices) {
  const [progress, setProgress] = useState<Progress>({});
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(() => {
    const { displaySetService, segmentationService } = services;
    const subscriptions = [
      ...Object.values(displaySetService.EVENTS).map((event) => displaySetService.subscribe(event, refresh)),
      ...Object.values(segmentationService.EVENTS).map((event) => segmentationService.subscribe(event, refresh)),
    ];
    return () => subscriptions.forEach((s) => s.unsubscribe());
  }, [services, refresh]);

  const annotations = listAnnotations(services, progress);
  void revision; // re-render on events: the list is read from the services each time

  const setShown = useCallback(
    async (uid: string, shown: boolean) => {
      const displaySet = services.displaySetService.getDisplaySetByUID(uid);
      if (!displaySet) return;
      setProgress((p) => ({ ...p, [uid]: { busy: true } }));
      try {
        if (shown) await showAnnotation(services, displaySet, summarizeAnnotation(displaySet).structures[0].segmentNumber);
        else hideAnnotation(services, uid);
        setProgress((p) => ({ ...p, [uid]: {} }));
      } catch (e) {
        const message = describeFailure(e);
        setProgress((p) => ({ ...p, [uid]: { error: message } }));
        services.uiNotificationService.show({ title: 'SegQC: cannot show annotation', message, type: 'error', duration: 8000 });
      }
      refresh();
    },
    [services, refresh],
  );

  return { annotations, setShown };
}
