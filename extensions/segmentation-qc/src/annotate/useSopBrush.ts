import { useEffect } from 'react';
import { describeFailure } from '../describeFailure';
import { setBrushRadiusMm } from '../labelmap/setBrushRadius';
import type { SegqcServices } from '../services';
import { structureBrushMm } from './structureBrushMm';
import type { AnnotationSession } from './useAnnotationSession';

/** The segment of the labelmap that is selected (cornerstone marks it `active`), or null. */
function activeSegmentIndex(services: SegqcServices, segmentationId: string): number | null {
  const segmentation = services.segmentationService.getSegmentation(segmentationId) as { segments?: Record<string, { segmentIndex?: number; active?: boolean } | undefined> } | undefined;
  const active = Object.values(segmentation?.segments ?? {}).find((segment) => segment?.active);
  return active?.segmentIndex ?? null;
}

/**
 * While the annotator paints, OHIF's brush takes the radius the SOP gives the selected structure
 * (brushMm): at the start, and each time another segment is selected in OHIF's segment list. A size
 * the annotator sets by hand holds until they select another structure.
 */
export function useSopBrush(services: SegqcServices, session: AnnotationSession | null): void {
  useEffect(() => {
    if (!session) return undefined;
    let applied: number | null = null;
    const follow = () => {
      const segmentIndex = activeSegmentIndex(services, session.segmentationId);
      if (segmentIndex === null || segmentIndex === applied) return;
      applied = segmentIndex;
      const radiusMm = structureBrushMm(session.sop, segmentIndex);
      if (radiusMm === null) return;
      try {
        setBrushRadiusMm(services, radiusMm);
      } catch (failure) {
        services.uiNotificationService.show({ title: 'SegQC: the brush keeps its size', message: describeFailure(failure), type: 'warning', duration: 8000 });
      }
    };
    follow();
    const { segmentationService } = services;
    const subscription = segmentationService.subscribe(segmentationService.EVENTS.SEGMENTATION_MODIFIED, follow);
    return () => subscription.unsubscribe();
  }, [services, session]);
}
